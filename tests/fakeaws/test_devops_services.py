"""The insecure scenario's Auto Scaling, CloudFormation, CodeBuild, Kinesis,
Firehose and Step Functions data as botocore reads it: the query protocol with
NextToken paging (Auto Scaling, CloudFormation; nested lists such as a mixed
instances policy's template and a stack's parameters and outputs) and the json
protocol (CodeBuild's ListProjects paging and BatchGetProjects; Kinesis'
HasMoreStreams paging; Firehose's own ExclusiveStartDeliveryStreamName paging;
Step Functions under the `states` signing name). What CloudPeek's collectors
rely on must reach a real AWS client intact."""

import time
import unittest

from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def paged(c, op, key, **kw):
    out, pages = [], 0
    for page in c.get_paginator(op).paginate(**kw):
        out += page[key]
        pages += 1
    return out, pages


class AutoScalingTest(unittest.TestCase):
    def test_groups_page_and_keep_their_launch_sources(self):
        groups, pages = paged(client("autoscaling"), "describe_auto_scaling_groups", "AutoScalingGroups")
        self.assertEqual(pages, 2)  # four groups, page size 2
        by_name = {g["AutoScalingGroupName"]: g for g in groups}
        self.assertEqual(set(by_name), {"web-legacy", "api", "workers", "partner-web"})
        self.assertEqual(by_name["web-legacy"]["LaunchConfigurationName"], "web-lc-v1")
        self.assertEqual(by_name["web-legacy"]["AvailabilityZones"], ["us-east-1a"])
        self.assertEqual(by_name["api"]["LaunchTemplate"]["LaunchTemplateName"], "api")
        self.assertEqual(by_name["api"]["HealthCheckType"], "ELB")
        spec = by_name["workers"]["MixedInstancesPolicy"]["LaunchTemplate"]["LaunchTemplateSpecification"]
        self.assertEqual(spec["Version"], "3")
        self.assertTrue(by_name["web-legacy"]["TargetGroupARNs"][0].startswith("arn:aws:elasticloadbalancing:"))
        self.assertIn(":999988887777:", by_name["partner-web"]["AutoScalingGroupARN"])
        eu, _ = paged(client("autoscaling", "eu-west-1"), "describe_auto_scaling_groups", "AutoScalingGroups")
        self.assertEqual(eu[0]["LoadBalancerNames"], ["reports-clb"])
        west, _ = paged(client("autoscaling", "us-west-2"), "describe_auto_scaling_groups", "AutoScalingGroups")
        self.assertEqual(west, [])

    def test_launch_configurations_metadata_options(self):
        configs, pages = paged(client("autoscaling"), "describe_launch_configurations", "LaunchConfigurations")
        self.assertEqual(pages, 2)
        by_name = {c["LaunchConfigurationName"]: c for c in configs}
        self.assertNotIn("MetadataOptions", by_name["web-lc-v1"])
        self.assertIs(by_name["web-lc-v1"]["AssociatePublicIpAddress"], True)
        self.assertEqual(by_name["web-lc-v2"]["MetadataOptions"],
                         {"HttpTokens": "required", "HttpPutResponseHopLimit": 3, "HttpEndpoint": "enabled"})
        self.assertIs(by_name["web-lc-v2"]["AssociatePublicIpAddress"], False)
        self.assertEqual(by_name["batch-lc"]["MetadataOptions"]["HttpEndpoint"], "disabled")
        self.assertNotIn("AssociatePublicIpAddress", by_name["batch-lc"])


class CloudFormationTest(unittest.TestCase):
    def test_stacks_with_parameters_outputs_and_nesting(self):
        stacks, pages = paged(client("cloudformation"), "describe_stacks", "Stacks")
        self.assertEqual(pages, 2)
        by_name = {s["StackName"]: s for s in stacks}
        self.assertIs(by_name["platform"]["EnableTerminationProtection"], True)
        self.assertEqual(by_name["platform"]["NotificationARNs"], ["arn:aws:sns:us-east-1:111122223333:stack-events"])
        nested = by_name["platform-NetworkStack-1ABCDEF"]
        self.assertEqual(nested["RootId"], by_name["platform"]["StackId"])
        params = {p["ParameterKey"]: p for p in by_name["platform"]["Parameters"]}
        self.assertEqual(params["DbPassword"]["ParameterValue"], "****")
        legacy = by_name["legacy-app"]
        self.assertIn("ResolvedValue", {p["ParameterKey"]: p for p in legacy["Parameters"]}["GitHubOAuthToken"])
        self.assertEqual([o["OutputKey"] for o in legacy["Outputs"]], ["DeployUserAccessKey", "ServiceUrl", "AdminToken"])
        self.assertEqual(legacy["DriftInformation"]["StackDriftStatus"], "DRIFTED")
        eu, _ = paged(client("cloudformation", "eu-west-1"), "describe_stacks", "Stacks")
        self.assertEqual([s["StackName"] for s in eu], ["data-pipeline"])
        self.assertEqual(eu[0]["NotificationARNs"], [])


class CodeBuildTest(unittest.TestCase):
    def test_projects_list_and_batch(self):
        c = client("codebuild")
        names, pages = paged(c, "list_projects", "projects")
        self.assertEqual(pages, 2)
        self.assertEqual(names, ["app-build", "legacy-deploy", "docker-images"])
        out = c.batch_get_projects(names=names)
        by_name = {p["name"]: p for p in out["projects"]}
        self.assertEqual(set(by_name), set(names))
        legacy = by_name["legacy-deploy"]
        self.assertIs(legacy["environment"]["privilegedMode"], True)
        self.assertEqual({v["name"]: v["type"] for v in legacy["environment"]["environmentVariables"]}["AWS_ACCESS_KEY_ID"],
                         "PLAINTEXT")
        self.assertIs(legacy["logsConfig"]["s3Logs"]["encryptionDisabled"], True)
        self.assertEqual([s["sourceIdentifier"] for s in legacy["secondarySources"]], ["infra", "tools"])
        self.assertEqual(by_name["docker-images"]["artifacts"]["type"], "NO_ARTIFACTS")
        self.assertEqual(by_name["docker-images"]["secondaryArtifacts"][0]["artifactIdentifier"], "manifests")
        self.assertEqual(client("codebuild", "eu-west-1").list_projects()["projects"], [])
        newest = c.list_builds_for_project(projectName="legacy-deploy", sortOrder="DESCENDING")["ids"]
        self.assertEqual(len(newest), 1)
        self.assertEqual(c.list_builds_for_project(projectName="docker-images")["ids"], [])
        builds = c.batch_get_builds(ids=newest)["builds"]
        self.assertLess(builds[-1]["endTime"].timestamp(), time.time() - 200 * 86400)  # relative times resolved


class StreamingTest(unittest.TestCase):
    def test_kinesis_streams_and_summaries(self):
        c = client("kinesis")
        # Debian's botocore pages ListStreams by the last name (ExclusiveStartStreamName), as CloudPeek does.
        names, pages = paged(c, "list_streams", "StreamNames")
        self.assertEqual(pages, 2)
        self.assertEqual(names, ["clicks", "audit-events", "metrics"])
        audit = c.describe_stream_summary(StreamName="audit-events")["StreamDescriptionSummary"]
        self.assertEqual((audit["EncryptionType"], audit["RetentionPeriodHours"]), ("NONE", 24))
        self.assertEqual(audit["StreamARN"], "arn:aws:kinesis:us-east-1:111122223333:stream/audit-events")
        with self.assertRaises(c.exceptions.ResourceNotFoundException):
            c.describe_stream_summary(StreamName="gone")
        eu = client("kinesis", "eu-west-1").describe_stream_summary(StreamName="eu-orders")["StreamDescriptionSummary"]
        self.assertEqual(eu["RetentionPeriodHours"], 8760)

    def test_firehose_paging_and_descriptions(self):
        c = client("firehose")
        first = c.list_delivery_streams(Limit=100)
        self.assertEqual(first["DeliveryStreamNames"], ["to-s3-direct", "logs-to-splunk"])
        self.assertTrue(first["HasMoreDeliveryStreams"])
        rest = c.list_delivery_streams(Limit=100, ExclusiveStartDeliveryStreamName="logs-to-splunk")
        self.assertEqual(rest["DeliveryStreamNames"], ["clicks-archive", "audit-archive"])
        self.assertFalse(rest["HasMoreDeliveryStreams"])
        d = c.describe_delivery_stream(DeliveryStreamName="clicks-archive")["DeliveryStreamDescription"]
        self.assertEqual(d["DeliveryStreamType"], "KinesisStreamAsSource")
        self.assertEqual(d["Source"]["KinesisStreamSourceDescription"]["KinesisStreamARN"],
                         "arn:aws:kinesis:us-east-1:111122223333:stream/clicks")
        direct = c.describe_delivery_stream(DeliveryStreamName="to-s3-direct")["DeliveryStreamDescription"]
        self.assertEqual(direct["DeliveryStreamEncryptionConfiguration"]["Status"], "ENABLED")
        splunk = c.describe_delivery_stream(DeliveryStreamName="logs-to-splunk")["DeliveryStreamDescription"]
        self.assertNotIn("DeliveryStreamEncryptionConfiguration", splunk)
        self.assertIn("HECToken", splunk["Destinations"][0]["SplunkDestinationDescription"])

    def test_step_functions_under_the_states_signing_name(self):
        c = client("stepfunctions")
        machines, _ = paged(c, "list_state_machines", "stateMachines")
        self.assertEqual([m["name"] for m in machines], ["orders", "nightly-etl", "ingest-express"])
        orders = c.describe_state_machine(stateMachineArn=machines[0]["stateMachineArn"])
        self.assertEqual(orders["loggingConfiguration"]["level"], "ERROR")
        self.assertIs(orders["tracingConfiguration"]["enabled"], True)
        etl = c.describe_state_machine(stateMachineArn=machines[1]["stateMachineArn"])
        self.assertEqual(etl["loggingConfiguration"]["destinations"], [])
        with self.assertRaises(c.exceptions.StateMachineDoesNotExist):
            c.describe_state_machine(stateMachineArn="arn:aws:states:us-east-1:111122223333:stateMachine:gone")


if __name__ == "__main__":
    unittest.main()
