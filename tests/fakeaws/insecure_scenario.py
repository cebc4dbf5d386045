"""The insecure scenario served once per test module, for the fidelity tests
that read a service's scenario data as botocore and the AWS CLI do: a module
imports setUpModule and tearDownModule from here, then uses client() and
aws_cli()."""

import json
import os
import subprocess
import tempfile

import botocore.session

from test_fakeaws import FakeAws, HERE

INSECURE = os.path.join(HERE, "scenarios", "insecure")
AUDITOR = ("AKIAFAKEAUDITOR00001", "fakeSecretAuditor/000000000000000000000001")
SERVER = None


def setUpModule():
    global SERVER
    SERVER = FakeAws(INSECURE)


def tearDownModule():
    SERVER.close()


def client(service, region="us-east-1"):
    """A botocore client of the auditor, with no configuration of this machine's."""
    s = botocore.session.Session()
    s.set_config_variable("credentials_file", "/dev/null")
    s.set_config_variable("config_file", "/dev/null")
    return s.create_client(service, region_name=region, endpoint_url=SERVER.url,
                           aws_access_key_id=AUDITOR[0], aws_secret_access_key=AUDITOR[1])


def aws_cli(test, *args):
    """The official AWS CLI's JSON answer to `aws ARGS` as the auditor; fails `test` on a non-zero exit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({"AWS_ACCESS_KEY_ID": AUDITOR[0], "AWS_SECRET_ACCESS_KEY": AUDITOR[1], "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "HOME": tempfile.mkdtemp(prefix="fakeaws-cli-")})
    p = subprocess.run(["/usr/bin/aws", "--endpoint-url", SERVER.url, "--output", "json"] + list(args),
                       env=env, capture_output=True, text=True, timeout=120)
    test.assertEqual(p.returncode, 0, p.stderr)
    return json.loads(p.stdout)
