"""Cost Explorer's GetCostAndUsage on the insecure scenario as botocore and the
AWS CLI read it (the json protocol with X-Amz-Target AWSInsightsIndexService):
the month-to-date spend by service in the current month, Estimated, amounts as
strings, grouped results with an empty Total; the validation AWS applies
(Start before End, YYYY-MM-DD); a LINKED_ACCOUNT filter on another account
costs nothing; and ce:GetCostAndUsage denied as AccessDeniedException, the
way a SecurityAudit-only identity is answered."""

import datetime
import unittest

from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def month_to_date():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return {"Start": today.replace(day=1).isoformat(), "End": (today + datetime.timedelta(days=1)).isoformat()}


BY_SERVICE = [{"Type": "DIMENSION", "Key": "SERVICE"}]


class CostExplorerScenarioTest(unittest.TestCase):
    def tearDown(self):
        insecure_scenario.SERVER.faults({})

    def test_month_to_date_by_service(self):
        ce = client("ce")
        out = ce.get_cost_and_usage(TimePeriod=month_to_date(), Granularity="MONTHLY", Metrics=["UnblendedCost"],
                                    GroupBy=BY_SERVICE,
                                    Filter={"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["111122223333"]}})
        self.assertEqual(len(out["ResultsByTime"]), 1)
        month = out["ResultsByTime"][0]
        self.assertTrue(month["Estimated"])
        self.assertEqual(month["Total"], {})
        groups = {g["Keys"][0]: g["Metrics"]["UnblendedCost"] for g in month["Groups"]}
        self.assertEqual(len(groups), 11)
        self.assertEqual(groups["Amazon Elastic Compute Cloud - Compute"], {"Amount": "412.3871", "Unit": "USD"})
        self.assertEqual(out["GroupDefinitions"], BY_SERVICE)
        # Another account's costs: none of these.
        other = ce.get_cost_and_usage(TimePeriod=month_to_date(), Granularity="MONTHLY", Metrics=["UnblendedCost"],
                                      GroupBy=BY_SERVICE,
                                      Filter={"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["999988887777"]}})
        self.assertEqual(other["ResultsByTime"][0]["Groups"], [])
        # A past month has no cost; the current one is estimated.
        last_year = ce.get_cost_and_usage(TimePeriod={"Start": "2025-01-01", "End": "2025-03-01"},
                                          Granularity="MONTHLY", Metrics=["UnblendedCost"])
        self.assertEqual([r["TimePeriod"]["Start"] for r in last_year["ResultsByTime"]], ["2025-01-01", "2025-02-01"])
        self.assertFalse(last_year["ResultsByTime"][0]["Estimated"])
        self.assertEqual(last_year["ResultsByTime"][0]["Total"]["UnblendedCost"]["Amount"], "0")

    def test_cli_reads_it(self):
        out = aws_cli(self, "ce", "get-cost-and-usage", "--time-period",
                      "Start={Start},End={End}".format(**month_to_date()), "--granularity", "MONTHLY",
                      "--metrics", "UnblendedCost", "--group-by", "Type=DIMENSION,Key=SERVICE")
        self.assertEqual(len(out["ResultsByTime"][0]["Groups"]), 11)

    def test_validation_and_denial(self):
        ce = client("ce")
        with self.assertRaises(ClientError) as e:
            ce.get_cost_and_usage(TimePeriod={"Start": "2026-03-05", "End": "2026-03-05"}, Granularity="MONTHLY",
                                  Metrics=["UnblendedCost"])
        self.assertEqual(e.exception.response["Error"]["Code"], "ValidationException")
        with self.assertRaises(ClientError) as e:
            ce.get_cost_and_usage(TimePeriod={"Start": "2026/03/01", "End": "2026-03-05"}, Granularity="MONTHLY",
                                  Metrics=["UnblendedCost"])
        self.assertEqual(e.exception.response["Error"]["Code"], "ValidationException")
        insecure_scenario.SERVER.faults({"deny": ["ce:GetCostAndUsage"]})
        with self.assertRaises(ClientError) as e:
            ce.get_cost_and_usage(TimePeriod=month_to_date(), Granularity="MONTHLY", Metrics=["UnblendedCost"])
        self.assertEqual(e.exception.response["Error"]["Code"], "AccessDeniedException")
        self.assertIn("ce:GetCostAndUsage", e.exception.response["Error"]["Message"])


if __name__ == "__main__":
    unittest.main()
