"""fakeaws's sso-oidc is faithful: botocore's own sso-oidc client (unsigned, as
`aws sso login` calls it) runs the device authorization grant against it and
reads every OAuth answer as it reads AWS's; the issued access token opens the
access portal (botocore's sso client); refresh tokens rotate.

Run: /usr/bin/python3 -m unittest discover -s tests/fakeaws -p 'test_sso_oidc.py' -v
"""

import json
import os
import time
import unittest
import urllib.request

import botocore.session
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

from test_fakeaws import FakeAws

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "scenarios", "sso.json")
START_URL = "https://d-1234567890.awsapps.com/start"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"

SERVER = None
_SESSION = None


def setUpModule():
    global SERVER
    SERVER = FakeAws(SCENARIO)


def tearDownModule():
    SERVER.close()


def client(service):
    global _SESSION
    if _SESSION is None:
        _SESSION = botocore.session.Session()
        _SESSION.set_config_variable("credentials_file", "/dev/null")
        _SESSION.set_config_variable("config_file", "/dev/null")
    return _SESSION.create_client(service, region_name="eu-west-1", endpoint_url=SERVER.url,
                                  config=Config(signature_version=UNSIGNED, retries={"max_attempts": 1}))


def code_of(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response.get("error"), e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("no error raised")


def register_for_refresh():
    """RegisterClient with grantTypes, as the AWS CLI v2 sends it (Debian's
    botocore model predates grantTypes, so this one is raw JSON)."""
    body = json.dumps({"clientName": "cloudpeek-test", "clientType": "public", "scopes": ["sso:account:access"],
                       "grantTypes": [DEVICE_GRANT, "refresh_token"]}).encode()
    req = urllib.request.Request(SERVER.url + "/client/register", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


class DeviceFlowTest(unittest.TestCase):
    def setUp(self):
        SERVER.control("POST", "reset", {"credentials": True})
        self.oidc = client("sso-oidc")

    def start(self, reg=None):
        reg = reg or self.oidc.register_client(clientName="cloudpeek-test", clientType="public",
                                               scopes=["sso:account:access"])
        dev = self.oidc.start_device_authorization(clientId=reg["clientId"], clientSecret=reg["clientSecret"],
                                                   startUrl=START_URL)
        return reg, dev

    def poll(self, reg, dev):
        return self.oidc.create_token(clientId=reg["clientId"], clientSecret=reg["clientSecret"],
                                      grantType=DEVICE_GRANT, deviceCode=dev["deviceCode"])

    def test_register_and_start_answer_what_botocore_reads(self):
        reg, dev = self.start()
        self.assertTrue(reg["clientId"] and reg["clientSecret"])
        self.assertGreater(reg["clientSecretExpiresAt"], time.time() + 89 * 86400)
        self.assertRegex(dev["userCode"], r"^[A-Z]{4}-[A-Z]{4}$")
        self.assertEqual(dev["interval"], 1)
        self.assertEqual(dev["expiresIn"], 600)
        self.assertTrue(dev["verificationUriComplete"].endswith("user_code=" + dev["userCode"]))

    def test_pending_then_approved_then_the_token_opens_the_portal(self):
        reg, dev = self.start()
        code, oauth, status = code_of(lambda: self.poll(reg, dev))
        self.assertEqual((code, status), ("AuthorizationPendingException", 400))
        self.assertEqual(oauth, "authorization_pending")  # botocore reads the OAuth error member too
        SERVER.control("POST", "sso/approve", {"user_code": dev["userCode"]})
        time.sleep(1.0)
        tok = self.poll(reg, dev)
        self.assertEqual(tok["tokenType"], "Bearer")
        self.assertEqual(tok["expiresIn"], 3600)
        self.assertNotIn("refreshToken", tok)  # registered without the refresh_token grant
        sso = client("sso")
        accounts = sso.list_accounts(accessToken=tok["accessToken"])["accountList"]
        self.assertEqual(sorted(a["accountId"] for a in accounts), ["111122223333", "444455556666"])
        roles = sso.list_account_roles(accessToken=tok["accessToken"], accountId="444455556666")["roleList"]
        self.assertEqual(sorted(r["roleName"] for r in roles), ["AdministratorAccess", "ReadOnlyAccess"])
        creds = sso.get_role_credentials(accessToken=tok["accessToken"], accountId="444455556666",
                                         roleName="ReadOnlyAccess")["roleCredentials"]
        self.assertTrue(creds["accessKeyId"].startswith("ASIA"))
        # The device code is single-use.
        time.sleep(1.0)
        self.assertEqual(code_of(lambda: self.poll(reg, dev))[0], "InvalidGrantException")

    def test_polling_too_fast_is_told_to_slow_down_and_the_interval_grows(self):
        reg, dev = self.start()
        code_of(lambda: self.poll(reg, dev))
        self.assertEqual(code_of(lambda: self.poll(reg, dev))[0], "SlowDownException")
        devices = SERVER.control("GET", "sso/devices")["devices"]
        self.assertEqual(devices[0]["interval"], 6)
        self.assertNotIn("device_code", json.dumps(devices))
        time.sleep(1.2)  # the old interval is no longer enough
        self.assertEqual(code_of(lambda: self.poll(reg, dev))[0], "SlowDownException")

    def test_denied(self):
        reg, dev = self.start()
        SERVER.control("POST", "sso/approve", {"user_code": dev["userCode"], "deny": True})
        self.assertEqual(code_of(lambda: self.poll(reg, dev))[:3:2], ("AccessDeniedException", 400))

    def test_expired_code(self):
        reg, dev = self.start()
        SERVER.faults({"clock_offset_seconds": 601})
        try:
            self.assertEqual(code_of(lambda: self.poll(reg, dev))[0], "ExpiredTokenException")
        finally:
            SERVER.faults({})

    def test_wrong_client_secret_and_start_url(self):
        reg, dev = self.start()
        bad = dict(reg, clientSecret="nope")
        code, _, status = code_of(lambda: self.poll(bad, dev))
        self.assertEqual((code, status), ("InvalidClientException", 401))
        code, _, status = code_of(lambda: self.oidc.start_device_authorization(
            clientId=reg["clientId"], clientSecret=reg["clientSecret"], startUrl="https://other.awsapps.com/start"))
        self.assertEqual((code, status), ("InvalidRequestException", 400))

    def test_oauth_error_body(self):
        reg, dev = self.start()
        body = json.dumps({"clientId": reg["clientId"], "clientSecret": reg["clientSecret"],
                           "grantType": DEVICE_GRANT, "deviceCode": dev["deviceCode"]}).encode()
        req = urllib.request.Request(SERVER.url + "/token", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            urllib.request.urlopen(req, timeout=10)
            self.fail("no error")
        except urllib.error.HTTPError as e:
            doc = json.loads(e.read())
            self.assertEqual(doc["error"], "authorization_pending")
            self.assertTrue(e.headers["x-amzn-ErrorType"].startswith("AuthorizationPendingException"))

    def test_refresh_rotates_and_revoke_ends_the_session(self):
        reg = register_for_refresh()
        reg, dev = self.start(reg)
        SERVER.control("POST", "sso/approve", {"user_code": dev["userCode"]})
        tok = self.poll(reg, dev)
        self.assertIn("refreshToken", tok)
        new = self.oidc.create_token(clientId=reg["clientId"], clientSecret=reg["clientSecret"],
                                     grantType="refresh_token", refreshToken=tok["refreshToken"])
        self.assertNotEqual(new["accessToken"], tok["accessToken"])
        self.assertNotEqual(new["refreshToken"], tok["refreshToken"])
        # The used refresh token no longer works; the new one does until the session is revoked.
        self.assertEqual(code_of(lambda: self.oidc.create_token(
            clientId=reg["clientId"], clientSecret=reg["clientSecret"], grantType="refresh_token",
            refreshToken=tok["refreshToken"]))[0], "InvalidGrantException")
        SERVER.control("POST", "sso/revoke", {})
        self.assertEqual(code_of(lambda: client("sso").list_accounts(accessToken=new["accessToken"]))[0],
                         "UnauthorizedException")
        self.assertEqual(code_of(lambda: self.oidc.create_token(
            clientId=reg["clientId"], clientSecret=reg["clientSecret"], grantType="refresh_token",
            refreshToken=new["refreshToken"]))[0], "InvalidGrantException")

    def test_secrets_stay_out_of_the_request_log(self):
        reg, dev = self.start()
        log = json.dumps(SERVER.control("GET", "requests"))
        self.assertIn("sso-oidc", log)
        for secret in (reg["clientSecret"], dev["deviceCode"]):
            self.assertNotIn(secret, log)


if __name__ == "__main__":
    unittest.main()
