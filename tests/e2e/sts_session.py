#!/usr/bin/python3
"""Prints what `aws sts get-session-token` prints, from fakeaws: the e2e test's
stand-in for copying credentials out of the AWS access portal. With a role ARN,
what `aws sts assume-role` prints instead: role session keys, like the portal's
for a permission set's AWSReservedSSO_* role.

    sts_session.py ENDPOINT ACCESS_KEY_ID SECRET DURATION_SECONDS [ROLE_ARN]
"""
import json
import sys

import botocore.session


def main():
    endpoint, key, secret, duration = sys.argv[1:5]
    role_arn = sys.argv[5] if len(sys.argv) > 5 else None
    session = botocore.session.get_session()
    sts = session.create_client("sts", region_name="us-east-1", endpoint_url=endpoint,
                                aws_access_key_id=key, aws_secret_access_key=secret)
    if role_arn:
        out = sts.assume_role(RoleArn=role_arn, RoleSessionName="alice@example.com",
                              DurationSeconds=int(duration))
    else:
        out = sts.get_session_token(DurationSeconds=int(duration))
    creds = out["Credentials"]
    creds["Expiration"] = creds["Expiration"].isoformat()
    print(json.dumps({"Credentials": creds}, indent=4))


if __name__ == "__main__":
    main()
