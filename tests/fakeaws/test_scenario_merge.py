"""Scenario directories: parts merge key by key, lists concatenate, conflicts fail."""
import json
import os
import tempfile
import unittest

from scenario import Scenario, merge


class ScenarioMergeTest(unittest.TestCase):
    def test_directory_parts_merge(self):
        with tempfile.TemporaryDirectory() as d:
            a = {"accounts": {"111122223333": {"services": {"s3": {"*": {"ListBuckets": {"output": {}}}}},
                                               "regions": {"us-east-1": "opt-in-not-required"}}},
                 "expected": [{"check": "a", "resource": "x", "status": "FAIL"}]}
            b = {"accounts": {"111122223333": {"services": {"iam": {"*": {"ListUsers": {"output": {}}}}},
                                               "regions": {"us-east-1": "opt-in-not-required"}}},
                 "expected": [{"check": "b", "resource": "y", "status": "PASS"}]}
            for name, doc in (("10-s3.json", a), ("20-iam.json", b)):
                with open(os.path.join(d, name), "w") as f:
                    json.dump(doc, f)
            s = Scenario.load(d, 0)
            services = s.data["accounts"]["111122223333"]["services"]
            self.assertEqual(sorted(services), ["iam", "s3"])
            self.assertEqual([e["check"] for e in s.data["expected"]], ["a", "b"])

    def test_descriptions_join(self):
        self.assertEqual(merge({"description": "a"}, {"description": "b"}, "x.json"), {"description": "a b"})

    def test_conflicting_scalars_fail(self):
        with self.assertRaises(ValueError):
            merge({"page_size": 2}, {"page_size": 3}, "x.json")


if __name__ == "__main__":
    unittest.main()
