"""Output timestamps may be "+N"/"-N" seconds from server start, as the
scenario format says for every time (e.g. a server certificate that expired
ten days ago stays expired whenever the test runs)."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from protocols import values  # noqa: E402
from scenario import Scenario  # noqa: E402


class RelativeOutputTimes(unittest.TestCase):
    def test_relative_to_server_start(self):
        now = datetime.datetime(2026, 11, 25, 10, 0, 0, tzinfo=datetime.timezone.utc)
        Scenario({}, now)
        self.assertEqual(values.format_timestamp("-864000", "iso8601"), "2026-11-15T10:00:00Z")
        self.assertEqual(values.format_timestamp("+60", "unixTimestamp"), int(now.timestamp()) + 60)
        # Absolute times are unchanged.
        self.assertEqual(values.format_timestamp("2025-01-02T03:04:05Z", "iso8601"), "2025-01-02T03:04:05Z")


if __name__ == "__main__":
    unittest.main()
