#!/usr/bin/python3
"""Writes the iam-escalation scenario (scenario.json, beside this file) and its
expected verdicts (tests/integration/ground_truth/iam_escalation_expected.json)
from the table below: one place says what each principal is allowed and what
AWS would let it become, so the two files cannot drift apart.

    /usr/bin/python3 tests/fakeaws/scenarios/iam-escalation/generate.py

Every principal here has exactly one way to administrator (or none): the
verdict is "admin" (allowed everything), "escalate" (a path; `technique` is the
first step of the shortest one: an escalation rule id of iam/escalation_rules.cc
or "sts:AssumeRole") or "none". Traps (`trap`) are the cases of issue 10 §5:
ones that must not be reported and ones that must. The semantics followed are
AWS's policy evaluation logic (explicit Deny wins over any Allow, a permissions
boundary caps identity policies, a same-account trust policy naming the
principal is enough, the service must be trusted by a role passed to it) and
Rhino Security Labs' methods; not what CloudPeek happens to do.
"""
import json
import os
import urllib.parse

ACCOUNT = "111122223333"
A = f"arn:aws:iam::{ACCOUNT}"
ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess"
HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "..", "..", "..", "integration", "ground_truth", "iam_escalation_expected.json")


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(action, resource="*", **extra):
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action, resource="*", **extra):
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def trust(principal, action="sts:AssumeRole"):
    return doc({"Effect": "Allow", "Principal": principal, "Action": action})


def svc(service):
    return trust({"Service": service})


def enc(d):
    # IAM sends policy documents URL-encoded (RFC 3986).
    return urllib.parse.quote(json.dumps(d), safe="")


# ---- managed policies (customer managed ones and the AWS managed ones that are attached)
MANAGED = {
    ADMIN_POLICY: doc(allow("*")),
    "arn:aws:iam::aws:policy/ReadOnlyAccess": doc(allow(["s3:Get*", "s3:List*", "ec2:Describe*", "iam:Get*", "iam:List*"])),
    # A policy that lets whoever holds it write its own next version.
    f"{A}:policy/cpv-self": doc(allow("iam:CreatePolicyVersion", f"{A}:policy/cpv-self")),
    f"{A}:policy/cpv-group": doc(allow("iam:CreatePolicyVersion", f"{A}:policy/cpv-group")),
    f"{A}:policy/sdpv-self": doc(allow("iam:SetDefaultPolicyVersion", f"{A}:policy/sdpv-self")),
    # Path-scoped: CreatePolicyVersion on /team/* still reaches the team policy attached to the principal.
    f"{A}:policy/team/team-baseline": doc(allow("s3:ListAllMyBuckets")),
    # Only weak-user holds it: rewriting it empowers nobody the attacker can become.
    f"{A}:policy/weak-policy": doc(allow("s3:ListAllMyBuckets")),
    f"{A}:policy/deny-access-keys": doc(deny(["iam:CreateAccessKey", "iam:UpdateAccessKey"])),
    f"{A}:policy/boundary-s3-only": doc(allow("s3:*")),
    f"{A}:policy/boundary-only-delete": doc(allow(["iam:DeleteUserPermissionsBoundary", "s3:ListAllMyBuckets"])),
    f"{A}:policy/boundary-iam-writes": doc(allow(["iam:PutUserPolicy", "iam:AttachUserPolicy", "s3:*"])),
    f"{A}:policy/split-lambda-invoke": doc(allow("lambda:InvokeFunction")),
    f"{A}:policy/split-passrole": doc(allow("iam:PassRole", f"{A}:role/admin-lambda")),
}

# ---- principals. kind: user | role. verdict, technique, trap (optional), why.
P = []


def user(name, why, verdict="escalate", technique=None, inline=(), managed=(), groups=(), boundary=None, trap=None,
         conditional=False, techniques=None, tags=()):
    P.append(dict(kind="user", name=name, why=why, verdict=verdict, technique=technique, techniques=techniques,
                  inline=list(inline), managed=list(managed), groups=list(groups), boundary=boundary, trap=trap,
                  conditional=conditional, tags=list(tags)))


def role(name, why, trust_doc, verdict="escalate", technique=None, inline=(), managed=(), profile=False, trap=None,
         conditional=False, boundary=None, path="/"):
    P.append(dict(kind="role", name=name, path=path, why=why, verdict=verdict, technique=technique, techniques=None,
                  inline=list(inline), managed=list(managed), groups=[], boundary=boundary, trap=trap,
                  conditional=conditional, trust=trust_doc, profile=profile, tags=[]))


ROOT = {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}
SELF_USER = lambda n: f"{A}:user/{n}"

# ---- administrators (targets of the paths)
user("admin-user", "AdministratorAccess attached", verdict="admin", managed=[ADMIN_POLICY])
user("admins-member", "member of the admins group (AdministratorAccess)", verdict="admin", groups=["admins"])
role("admin-role", "AdministratorAccess; trusts the account (callers need sts:AssumeRole)", trust(ROOT), verdict="admin",
     managed=[ADMIN_POLICY])
role("admin-locked", "AdministratorAccess; trusts only admin-user", trust({"AWS": SELF_USER("admin-user")}),
     verdict="admin", managed=[ADMIN_POLICY])
for s, host, prof in [("lambda", "lambda.amazonaws.com", False), ("ec2", "ec2.amazonaws.com", True),
                      ("cfn", "cloudformation.amazonaws.com", False), ("glue", "glue.amazonaws.com", False),
                      ("sagemaker", "sagemaker.amazonaws.com", False), ("codebuild", "codebuild.amazonaws.com", False),
                      ("datapipeline", "datapipeline.amazonaws.com", False), ("ecs", "ecs-tasks.amazonaws.com", False)]:
    role(f"admin-{s}", f"AdministratorAccess; service role of {host}", svc(host), verdict="admin",
         managed=[ADMIN_POLICY], profile=prof)
role("harmless-lambda", "service role of Lambda that may only write logs", svc("lambda.amazonaws.com"),
     verdict="none", inline=[doc(allow(["logs:CreateLogStream", "logs:PutLogEvents"]))])
role("harmless-ec2", "instance role that may only read one bucket", svc("ec2.amazonaws.com"), verdict="none",
     inline=[doc(allow("s3:GetObject", "arn:aws:s3:::app-assets/*"))], profile=True)
user("weak-user", "holds weak-policy only", verdict="none", managed=[f"{A}:policy/weak-policy"])

# ---- direct IAM techniques (Rhino Security Labs methods 1-11)
user("u-create-policy-version", "CreatePolicyVersion on cpv-self, which is attached to itself",
     technique="iam-create-policy-version", managed=[f"{A}:policy/cpv-self"])
user("u-set-default-policy-version", "SetDefaultPolicyVersion on sdpv-self, attached to itself",
     technique="iam-set-default-policy-version", managed=[f"{A}:policy/sdpv-self"])
user("u-attach-user-policy", "AttachUserPolicy on itself", technique="iam-attach-user-policy",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("u-attach-user-policy")))])
user("u-attach-group-policy", "AttachGroupPolicy on its own group", technique="iam-attach-group-policy",
     groups=["g-attach"])
role("r-attach-role-policy", "AttachRolePolicy on itself", trust(ROOT), technique="iam-attach-role-policy",
     inline=[doc(allow("iam:AttachRolePolicy", f"{A}:role/r-attach-role-policy"))])
user("u-put-user-policy", "PutUserPolicy on itself (through ${aws:username})", technique="iam-put-user-policy",
     inline=[doc(allow("iam:PutUserPolicy", f"{A}:user/${{aws:username}}"))])
user("u-put-group-policy", "PutGroupPolicy on its own group", technique="iam-put-group-policy", groups=["g-put"])
role("r-put-role-policy", "PutRolePolicy on itself", trust(ROOT), technique="iam-put-role-policy",
     inline=[doc(allow("iam:PutRolePolicy", f"{A}:role/r-put-role-policy"))])
user("u-create-access-key", "CreateAccessKey for admin-user", technique="iam-create-access-key",
     inline=[doc(allow("iam:CreateAccessKey", SELF_USER("admin-user")))])
user("u-create-login-profile", "CreateLoginProfile for admin-user", technique="iam-create-login-profile",
     inline=[doc(allow("iam:CreateLoginProfile", SELF_USER("admin-user")))])
user("u-update-login-profile", "UpdateLoginProfile for admin-user", technique="iam-update-login-profile",
     inline=[doc(allow("iam:UpdateLoginProfile", SELF_USER("admin-user")))])
user("u-add-user-to-group", "AddUserToGroup on admins", technique="iam-add-user-to-group",
     inline=[doc(allow("iam:AddUserToGroup", f"{A}:group/admins"))])
user("u-update-assume-role-policy", "UpdateAssumeRolePolicy on admin-locked, then assumes it",
     technique="iam-update-assume-role-policy",
     inline=[doc(allow("iam:UpdateAssumeRolePolicy", f"{A}:role/admin-locked"))])
user("u-delete-boundary", "its boundary allows only deleting itself; without it, PutUserPolicy on itself",
     technique="iam-delete-user-permissions-boundary", boundary=f"{A}:policy/boundary-only-delete",
     inline=[doc(allow(["iam:DeleteUserPermissionsBoundary", "iam:PutUserPolicy"], SELF_USER("u-delete-boundary")))])


# ---- PassRole to a service that runs the principal's code
def passrole(name, target, actions, technique, why):
    user(name, why, technique=technique,
         inline=[doc(allow("iam:PassRole", f"{A}:role/{target}"), allow(actions))])


passrole("u-passrole-lambda-invoke", "admin-lambda", ["lambda:CreateFunction", "lambda:InvokeFunction"],
         "passrole-lambda-invoke", "new Lambda function as admin-lambda, invoked")
passrole("u-passrole-lambda-event-source", "admin-lambda", ["lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
         "passrole-lambda-event-source", "new Lambda function as admin-lambda, triggered by an event source")
passrole("u-passrole-ec2", "admin-ec2", ["ec2:RunInstances"], "passrole-ec2-run-instances",
         "instance with admin-ec2's profile")
passrole("u-passrole-cloudformation", "admin-cfn", ["cloudformation:CreateStack"], "passrole-cloudformation-create-stack",
         "stack run by admin-cfn")
passrole("u-passrole-glue-dev-endpoint", "admin-glue", ["glue:CreateDevEndpoint"], "passrole-glue-dev-endpoint",
         "Glue dev endpoint as admin-glue")
passrole("u-passrole-glue-job", "admin-glue", ["glue:CreateJob", "glue:StartJobRun"], "passrole-glue-job",
         "Glue job as admin-glue")
user("u-passrole-sagemaker-notebook", "notebook as admin-sagemaker; presigned URLs only for notebooks it tags as its own",
     technique="passrole-sagemaker-notebook",
     inline=[doc(allow("iam:PassRole", f"{A}:role/admin-sagemaker"), allow("sagemaker:CreateNotebookInstance"),
                 allow("sagemaker:CreatePresignedNotebookInstanceUrl", "*",
                       Condition={"StringEquals": {"aws:ResourceTag/owner": "${aws:username}"}}))])
passrole("u-passrole-sagemaker-training", "admin-sagemaker", ["sagemaker:CreateTrainingJob"],
         "passrole-sagemaker-training-job", "training job as admin-sagemaker")
passrole("u-passrole-sagemaker-processing", "admin-sagemaker", ["sagemaker:CreateProcessingJob"],
         "passrole-sagemaker-processing-job", "processing job as admin-sagemaker")
passrole("u-passrole-codebuild", "admin-codebuild", ["codebuild:CreateProject", "codebuild:StartBuild"],
         "passrole-codebuild", "build project as admin-codebuild")
passrole("u-passrole-datapipeline", "admin-datapipeline",
         ["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline"],
         "passrole-datapipeline", "pipeline run by admin-datapipeline")
passrole("u-passrole-ecs", "admin-ecs", ["ecs:RegisterTaskDefinition", "ecs:RunTask"], "passrole-ecs-run-task",
         "ECS task with admin-ecs as task role")
passrole("u-passrole-autoscaling-lc", "admin-ec2",
         ["autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup"],
         "passrole-autoscaling-launch-configuration", "launch configuration with admin-ec2's profile")
passrole("u-passrole-autoscaling-lt", "admin-ec2", ["ec2:CreateLaunchTemplate", "autoscaling:CreateAutoScalingGroup"],
         "passrole-autoscaling-launch-template", "launch template with admin-ec2's profile")

# ---- access to something already running as an administrator role
ADMIN_FN = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:admin-fn"
ADMIN_I = f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0adm1n0000000000a"
HARMLESS_I = f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0harm1e550000000b"
user("u-lambda-update-code", "UpdateFunctionCode on admin-fn (runs as admin-lambda)",
     technique="lambda-update-function-code", inline=[doc(allow("lambda:UpdateFunctionCode", ADMIN_FN))])
user("u-ssm-send-command", "SendCommand to the admin-ec2 instance", technique="ssm-send-command",
     inline=[doc(allow("ssm:SendCommand"))])
user("u-ssm-start-session", "StartSession on the admin-ec2 instance", technique="ssm-start-session",
     inline=[doc(allow("ssm:StartSession", ADMIN_I))])
user("u-ec2-instance-connect", "SendSSHPublicKey to the admin-ec2 instance", technique="ec2-instance-connect",
     inline=[doc(allow("ec2-instance-connect:SendSSHPublicKey", "*"))])
user("u-sagemaker-presigned-url", "presigned URL of a notebook running as admin-sagemaker",
     technique="sagemaker-presigned-notebook-url",
     inline=[doc(allow("sagemaker:CreatePresignedNotebookInstanceUrl"))])
user("u-codebuild-start-build", "StartBuild with a buildspec override on a project run by admin-codebuild",
     technique="codebuild-start-build-override", inline=[doc(allow("codebuild:StartBuild"))])

# ---- assume-role chains
role("chain-admin", "AdministratorAccess; trusts chain-b", trust({"AWS": f"{A}:role/chain-b"}), verdict="admin",
     managed=[ADMIN_POLICY])
role("chain-b", "may assume chain-admin", trust({"AWS": f"{A}:role/chain-a"}), technique="sts:AssumeRole",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/chain-admin"))])
role("chain-a", "may assume chain-b (-> chain-admin)", trust({"AWS": SELF_USER("u-chain")}), technique="sts:AssumeRole",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/chain-b"))])
user("u-chain", "trusted by chain-a: three hops to chain-admin", technique="sts:AssumeRole",
     inline=[doc(allow("s3:ListAllMyBuckets"))])
role("mixed-dev", "passes admin-lambda to a new function", trust({"AWS": SELF_USER("u-mixed")}),
     technique="passrole-lambda-invoke",
     inline=[doc(allow("iam:PassRole", f"{A}:role/admin-lambda"), allow(["lambda:CreateFunction", "lambda:InvokeFunction"]))])
user("u-mixed", "assumes mixed-dev, which passes admin-lambda to Lambda", technique="sts:AssumeRole",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/mixed-dev"))])
user("u-assume-admin-role", "sts:AssumeRole on admin-role, which trusts the account", technique="sts:AssumeRole",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/admin-role"))])

# ---- traps that must NOT be reported
user("t-allow-and-deny-one-policy", "Allow and Deny of AttachUserPolicy in one policy", verdict="none",
     trap="Allow and Deny in one policy",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("t-allow-and-deny-one-policy")), deny("iam:AttachUserPolicy"))])
user("t-deny-in-other-policy", "CreateAccessKey for admin-user allowed inline, denied by a managed policy",
     verdict="none", trap="Deny in another policy", managed=[f"{A}:policy/deny-access-keys"],
     inline=[doc(allow("iam:CreateAccessKey", SELF_USER("admin-user")))])
user("t-boundary", "PutUserPolicy on itself, but its boundary allows only s3", verdict="none",
     trap="a permissions boundary that removes the action", boundary=f"{A}:policy/boundary-s3-only",
     inline=[doc(allow("iam:PutUserPolicy", SELF_USER("t-boundary")))])
passrole("t-passrole-harmless", "harmless-lambda", ["lambda:CreateFunction", "lambda:InvokeFunction"], None,
         "PassRole only to harmless-lambda")
P[-1].update(verdict="none", trap="PassRole restricted to a harmless role")
passrole("t-passrole-untrusting-role", "admin-locked", ["lambda:CreateFunction", "lambda:InvokeFunction"], None,
         "PassRole to admin-locked, which Lambda may not assume")
P[-1].update(verdict="none", trap="PassRole of a role the service is not trusted by")
user("t-token-issued-before-2015", "AttachUserPolicy on itself only for tokens issued before 2015", verdict="none",
     trap="a condition that can never hold (aws:TokenIssueTime)",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("t-token-issued-before-2015"),
                       Condition={"DateLessThan": {"aws:TokenIssueTime": "2015-01-01T00:00:00Z"}}))])
user("t-current-time-before-2020", "PutUserPolicy on itself only before 2020", verdict="none",
     trap="a condition that can never hold (aws:CurrentTime)",
     inline=[doc(allow("iam:PutUserPolicy", SELF_USER("t-current-time-before-2020"),
                       Condition={"DateLessThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}))])
user("t-cpv-weak-policy", "CreatePolicyVersion on weak-policy, attached only to weak-user", verdict="none",
     trap="CreatePolicyVersion on a policy attached only to a weaker principal",
     inline=[doc(allow("iam:CreatePolicyVersion", f"{A}:policy/weak-policy"))])
user("t-attach-readonly-only", "AttachUserPolicy on itself only for ReadOnlyAccess", verdict="none",
     trap="iam:PolicyARN limits attachments to a non-administrator policy",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("t-attach-readonly-only"),
                       Condition={"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}))])
user("t-assume-untrusting-role", "sts:AssumeRole on admin-locked, whose trust policy names only admin-user",
     verdict="none", trap="identity policy allows AssumeRole, trust policy does not",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/admin-locked"))])
user("t-access-key-for-itself", "CreateAccessKey for itself only", verdict="none",
     trap="credentials of itself are no escalation", inline=[doc(allow("iam:CreateAccessKey", SELF_USER("t-access-key-for-itself")))])
user("t-ssm-harmless-instance", "SendCommand only to the harmless-ec2 instance", verdict="none",
     trap="workload access to a harmless role",
     inline=[doc(allow("ssm:SendCommand", [HARMLESS_I, "arn:aws:ssm:*::document/AWS-RunShellScript"]))])

user("t-boundary-caps-policy-writes", "PutUserPolicy/AttachUserPolicy on itself, allowed by its boundary too; but "
     "whatever it writes stays capped by the boundary", verdict="none",
     trap="a policy written into a bounded principal does not lift its boundary",
     boundary=f"{A}:policy/boundary-iam-writes",
     inline=[doc(allow(["iam:PutUserPolicy", "iam:AttachUserPolicy"], SELF_USER("t-boundary-caps-policy-writes")))])
role("bounded-role", "trusts the account; its boundary allows only s3", trust(ROOT), verdict="none",
     boundary=f"{A}:policy/boundary-s3-only", inline=[doc(allow("s3:GetObject"))])
user("t-empower-bounded-role", "Attach/PutRolePolicy on bounded-role and may assume it: the boundary caps what it gets",
     verdict="none", trap="empowering a principal whose boundary caps it",
     inline=[doc(allow(["iam:AttachRolePolicy", "iam:PutRolePolicy"], f"{A}:role/bounded-role"),
                 allow("sts:AssumeRole", f"{A}:role/bounded-role"))])
user("t-passrole-wrong-service", "PassRole of admin-lambda only to EC2 (iam:PassedToService), which does not trust it",
     verdict="none", trap="iam:PassedToService names another service",
     inline=[doc(allow("iam:PassRole", f"{A}:role/admin-lambda",
                       Condition={"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}),
                 allow(["lambda:CreateFunction", "lambda:InvokeFunction", "ec2:RunInstances"]))])
user("t-resource-case", "PassRole of role/ADMIN-LAMBDA: resource ARNs match case-sensitively", verdict="none",
     trap="a resource that differs only in case",
     inline=[doc(allow("iam:PassRole", f"{A}:role/ADMIN-LAMBDA"), allow(["lambda:CreateFunction", "lambda:InvokeFunction"]))])
user("t-notresource-excludes-self", "AttachUserPolicy on every user but itself (no one it can act as)", verdict="none",
     trap="NotResource that excludes the only principal it could become",
     inline=[doc({"Effect": "Allow", "Action": "iam:AttachUserPolicy", "NotResource": SELF_USER("t-notresource-excludes-self")})])
user("t-deny-notaction", "PutUserPolicy on itself, but a Deny with NotAction s3:* denies everything else", verdict="none",
     trap="Deny with NotAction",
     inline=[doc(allow("iam:PutUserPolicy", SELF_USER("t-deny-notaction")), {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"})])
user("t-group-deny", "AttachUserPolicy on itself, denied by its group's policy", verdict="none", trap="Deny through a group",
     groups=["g-deny-iam"], inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("t-group-deny")))])
user("t-source-ip", "AttachUserPolicy on itself from 10.0.0.0/8 only: CloudPeek cannot know the caller's address",
     technique="iam-attach-user-policy", conditional=True, trap="a condition CloudPeek cannot decide: reported as conditional",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("t-source-ip"), Condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}))])

# ---- traps that MUST be reported
user("m-split-over-policies", "PassRole (group's managed policy), CreateFunction (inline), InvokeFunction (managed)",
     technique="passrole-lambda-invoke", trap="actions split over several policies, one via a group",
     groups=["g-split"], managed=[f"{A}:policy/split-lambda-invoke"], inline=[doc(allow("lambda:CreateFunction"))])
user("m-notaction", "Allow NotAction s3/ec2 on itself: every iam action on itself", trap="NotAction that grants iam:*",
     techniques=["iam-attach-user-policy", "iam-put-user-policy"],
     inline=[doc({"Effect": "Allow", "NotAction": ["s3:*", "ec2:*"], "Resource": SELF_USER("m-notaction")})])
user("m-policy-path-wildcard", "CreatePolicyVersion on policy/team/*, which includes its own team-baseline",
     technique="iam-create-policy-version", trap="a resource constraint that still reaches a policy it holds",
     managed=[f"{A}:policy/team/team-baseline"], inline=[doc(allow("iam:CreatePolicyVersion", f"{A}:policy/team/*"))])
user("m-attach-admin-only", "AttachUserPolicy on itself only for AdministratorAccess", technique="iam-attach-user-policy",
     trap="a constraint (iam:PolicyARN) that still reaches an administrator policy",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("m-attach-admin-only"),
                       Condition={"ArnEquals": {"iam:PolicyARN": ADMIN_POLICY}}))])
user("m-passrole-role-wildcard", "PassRole on role/*-codebuild, which matches admin-codebuild",
     technique="passrole-codebuild", trap="a resource wildcard that still reaches an administrator role",
     inline=[doc(allow("iam:PassRole", f"{A}:role/*-codebuild"), allow(["codebuild:CreateProject", "codebuild:StartBuild"]))])
user("m-request-tag", "RunInstances only with the request tag team=dev, which it sets itself",
     technique="passrole-ec2-run-instances", trap="a condition the attacker satisfies (a tag it sets)",
     inline=[doc(allow("iam:PassRole", f"{A}:role/admin-ec2"),
                 allow("ec2:RunInstances", "*", Condition={"StringEquals": {"aws:RequestTag/team": "dev"}}))])
user("m-mfa", "AttachUserPolicy on itself with MFA, and it has an MFA device", technique="iam-attach-user-policy",
     trap="a condition the attacker can satisfy (aws:MultiFactorAuthPresent)", conditional=None,
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("m-mfa"), Condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}))])
user("m-own-tag", "PutUserPolicy on users tagged team=ops; it is tagged team=ops itself", technique="iam-put-user-policy",
     trap="a condition on a tag the principal carries", tags=[{"Key": "team", "Value": "ops"}],
     inline=[doc(allow("iam:PutUserPolicy", f"{A}:user/*", Condition={"StringEquals": {"aws:ResourceTag/team": "ops"}}))])

user("m-action-case", "IAM:attachUSERpolicy on itself: actions match case-insensitively", technique="iam-attach-user-policy",
     trap="an action in another case", inline=[doc(allow("IAM:attachUSERpolicy", SELF_USER("m-action-case")))])
user("m-action-wildcard", "iam:Put*Policy on itself (? and * in actions)", technique="iam-put-user-policy",
     trap="an action wildcard", inline=[doc(allow("iam:Put?ser*olicy", SELF_USER("m-action-wildcard")))])
user("m-notresource", "PutUserPolicy on every user but admin-user, itself included", technique="iam-put-user-policy",
     trap="NotResource that still includes itself",
     inline=[doc({"Effect": "Allow", "Action": "iam:PutUserPolicy", "NotResource": SELF_USER("admin-user")})])
user("m-forallvalues-no-tags", "AttachUserPolicy on itself when every request tag key is team: true with no tags",
     technique="iam-attach-user-policy", trap="ForAllValues over an empty set holds",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("m-forallvalues-no-tags"),
                       Condition={"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}))])

# ---- more paths: trust conditions, groups, chains through other techniques
role("star-admin", "AdministratorAccess; trusts * only when aws:PrincipalArn is u-star-trust",
     doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
          "Condition": {"ArnEquals": {"aws:PrincipalArn": SELF_USER("u-star-trust")}}}), verdict="admin",
     managed=[ADMIN_POLICY])
user("u-star-trust", "the only principal star-admin's trust condition admits (no identity policy needed: same account)",
     technique="sts:AssumeRole", inline=[doc(allow("s3:ListAllMyBuckets"))])
user("u-join-deployers", "AddUserToGroup on deployers, whose policies pass admin-lambda to a new function",
     technique="iam-add-user-to-group", trap="a group that is not itself admin but gives a path",
     inline=[doc(allow("iam:AddUserToGroup", f"{A}:group/deployers"))])
user("u-deployer", "member of deployers: passes admin-lambda to a new function", technique="passrole-lambda-invoke",
     groups=["deployers"])
user("m-admin-split", "iam:* in one policy, NotAction iam:* in another: allowed everything", verdict="admin",
     trap="administrator only when two policies are combined",
     inline=[doc(allow("iam:*")), doc({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})])
passrole("t-passrole-without-create", "admin-lambda", ["lambda:InvokeFunction", "lambda:UpdateFunctionConfiguration"],
         None, "PassRole of admin-lambda but no CreateFunction")
P[-1].update(verdict="none", trap="PassRole without the action that uses it")
user("t-login-profile-weak-user", "CreateLoginProfile for weak-user only", verdict="none",
     trap="credentials of a principal that is not more powerful",
     inline=[doc(allow("iam:CreateLoginProfile", SELF_USER("weak-user")))])
user("key-mid", "runs instances as admin-ec2", technique="passrole-ec2-run-instances",
     inline=[doc(allow("iam:PassRole", f"{A}:role/admin-ec2"), allow("ec2:RunInstances"))])
user("u-key-chain", "CreateAccessKey for key-mid, who passes admin-ec2 to an instance", technique="iam-create-access-key",
     inline=[doc(allow("iam:CreateAccessKey", SELF_USER("key-mid")))])

role("named-admin", "AdministratorAccess; its trust policy names t-assume-denied and u-assume-named",
     doc({"Effect": "Allow", "Principal": {"AWS": [SELF_USER("t-assume-denied"), SELF_USER("u-assume-named")]},
          "Action": "sts:AssumeRole"}), verdict="admin", managed=[ADMIN_POLICY])
user("u-assume-named", "named by named-admin's trust policy: no identity policy needed in the same account",
     technique="sts:AssumeRole", inline=[doc(allow("s3:ListAllMyBuckets"))])
user("t-assume-denied", "named-admin's trust policy names it, but its own policy denies sts:AssumeRole", verdict="none",
     trap="explicit Deny in the identity policy beats a trust policy that names the principal",
     inline=[doc(deny("sts:AssumeRole"))])
role("tagged-admin", "AdministratorAccess; trusts the account for principals tagged access=admin",
     doc({"Effect": "Allow", "Principal": ROOT, "Action": "sts:AssumeRole",
          "Condition": {"StringEquals": {"aws:PrincipalTag/access": "admin"}}}), verdict="admin", managed=[ADMIN_POLICY])
user("m-principal-tag", "tagged access=admin, may assume tagged-admin", technique="sts:AssumeRole",
     trap="a trust condition on a tag the principal carries", tags=[{"Key": "access", "Value": "admin"}],
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/tagged-admin"))])
user("t-principal-tag-missing", "may assume tagged-admin but is not tagged access=admin", verdict="none",
     trap="a trust condition on a tag the principal does not carry", tags=[{"Key": "access", "Value": "read"}],
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/tagged-admin"))])
user("t-attach-empty-group", "AttachGroupPolicy on a group with no members, which it cannot join", verdict="none",
     trap="empowering a group nobody it can become is in",
     inline=[doc(allow(["iam:AttachGroupPolicy", "iam:PutGroupPolicy"], f"{A}:group/empty"))])
user("t-deny-notresource", "iam:* allowed, but denied on everything except itself... and nothing on itself escalates",
     verdict="none", trap="Deny with NotResource",
     inline=[doc(allow(["iam:CreateAccessKey", "iam:CreateLoginProfile"]),
                 {"Effect": "Deny", "Action": "iam:*", "NotResource": SELF_USER("t-deny-notresource")})])

user("m-deny-other-regions", "AttachUserPolicy on itself; a Deny of everything outside us-east-1 does not stop it",
     technique="iam-attach-user-policy", trap="a Deny whose condition the attacker avoids (aws:RequestedRegion)",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("m-deny-other-regions")),
                 deny("*", "*", Condition={"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}))])
role("acct-id-admin", "AdministratorAccess; trusts the account by its bare id (same as :root)", trust({"AWS": ACCOUNT}),
     verdict="admin", managed=[ADMIN_POLICY])
user("u-assume-acct-id", "sts:AssumeRole on acct-id-admin", technique="sts:AssumeRole",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/acct-id-admin"))])
role("ops-like-admin", "AdministratorAccess; trusts * when aws:PrincipalArn is like user/ops-*",
     doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
          "Condition": {"ArnLike": {"aws:PrincipalArn": f"{A}:user/ops-*"}}}), verdict="admin", managed=[ADMIN_POLICY])
user("ops-operator", "matches ops-like-admin's ArnLike condition", technique="sts:AssumeRole",
     inline=[doc(allow("s3:ListAllMyBuckets"))])
user("m-single-statement", "a policy whose Statement is one object, not a list", technique="iam-put-user-policy",
     trap="Statement as a single object",
     inline=[{"Version": "2012-10-17", "Statement": allow("iam:PutUserPolicy", SELF_USER("m-single-statement"))}])
user("t-variable-2008", "PutUserPolicy on user/${aws:username} in a 2008-10-17 policy: the variable is literal text",
     verdict="none", trap="policy variables need Version 2012-10-17",
     inline=[{"Version": "2008-10-17", "Statement": [allow("iam:PutUserPolicy", f"{A}:user/${{aws:username}}")]}])

user("u-cpv-group-policy", "CreatePolicyVersion on cpv-group, attached to its group g-cpv",
     technique="iam-create-policy-version", groups=["g-cpv"])
role("mid-lambda", "Lambda service role, not an administrator, that may put a policy into itself",
     svc("lambda.amazonaws.com"), technique="iam-put-role-policy",
     inline=[doc(allow("iam:PutRolePolicy", f"{A}:role/mid-lambda"))])
passrole("u-passrole-mid", "mid-lambda", ["lambda:CreateFunction", "lambda:InvokeFunction"], "passrole-lambda-invoke",
         "passes mid-lambda (not an administrator, but it can make itself one) to a new function: two steps")

role("path-admin", "AdministratorAccess; a role under the path /ops/, trusting the account", trust(ROOT), verdict="admin",
     managed=[ADMIN_POLICY], path="/ops/")
user("u-assume-path-role", "sts:AssumeRole on role/ops/path-admin (ARN with the role's path)", technique="sts:AssumeRole",
     inline=[doc(allow("sts:AssumeRole", f"{A}:role/ops/path-admin"))])
role("glue-etl-admin", "AdministratorAccess; Glue service role under /service-role/", svc("glue.amazonaws.com"),
     verdict="admin", managed=[ADMIN_POLICY], path="/service-role/")
user("m-passrole-path", "PassRole on role/service-role/*, which holds glue-etl-admin", technique="passrole-glue-job",
     trap="a path-scoped resource that still reaches an administrator role",
     inline=[doc(allow("iam:PassRole", f"{A}:role/service-role/*"), allow(["glue:CreateJob", "glue:StartJobRun"]))])
user("t-passrole-wrong-path", "PassRole on role/other-path/*: no administrator role there", verdict="none",
     trap="a path-scoped resource that reaches no administrator role",
     inline=[doc(allow("iam:PassRole", f"{A}:role/other-path/*"), allow(["glue:CreateJob", "glue:StartJobRun"]))])

user("m-attach-anything-but-admin", "AttachUserPolicy on itself for any policy but AdministratorAccess: IAMFullAccess "
     "(iam:*) still lets it grant itself everything", technique="iam-attach-user-policy",
     trap="iam:PolicyARN excludes only AdministratorAccess",
     inline=[doc(allow("iam:AttachUserPolicy", SELF_USER("m-attach-anything-but-admin"),
                       Condition={"ArnNotEquals": {"iam:PolicyARN": ADMIN_POLICY}}))])

# ---- the remaining techniques of iam/escalation_rules.cc
role("admin-apprunner", "AdministratorAccess; instance role of App Runner", svc("tasks.apprunner.amazonaws.com"),
     verdict="admin", managed=[ADMIN_POLICY])
passrole("u-passrole-lambda-add-permission", "admin-lambda", ["lambda:CreateFunction", "lambda:AddPermission"],
         "passrole-lambda-add-permission", "new function as admin-lambda, made invocable through its function policy")
passrole("u-passrole-ec2-spot", "admin-ec2", ["ec2:RequestSpotInstances"], "passrole-ec2-spot-instances",
         "spot instance with admin-ec2's profile")
passrole("u-passrole-apprunner", "admin-apprunner", ["apprunner:CreateService"], "passrole-apprunner",
         "App Runner service as admin-apprunner")
passrole("u-passrole-ecs-service", "admin-ecs", ["ecs:RegisterTaskDefinition", "ecs:CreateService"],
         "passrole-ecs-service", "ECS service with admin-ecs as task role")
user("u-ec2-modify-user-data", "rewrites the user data of the admin-ec2 instance and restarts it",
     technique="ec2-modify-user-data",
     inline=[doc(allow(["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"], ADMIN_I))])
user("u-glue-update-dev-endpoint", "adds its SSH key to a dev endpoint running as a Glue administrator role",
     technique="glue-update-dev-endpoint", inline=[doc(allow("glue:UpdateDevEndpoint"))])
user("u-cloudformation-update-stack", "updates a stack whose service role is admin-cfn",
     technique="cloudformation-update-stack", inline=[doc(allow("cloudformation:UpdateStack"))])
user("u-ecs-execute-command", "a shell in a task running as admin-ecs", technique="ecs-execute-command",
     inline=[doc(allow("ecs:ExecuteCommand"))])

# ---- resource control policies (issue 10 section 1): the account is a member of an
# organization whose RCP denies sts:AssumeRole to principals of accounts other than
# this one and a listed partner (AWS's data perimeter example). A role trusting
# another account is then NOT reachable from outside; one trusting the partner is.
ORG_ID = "o-exampleorg1"
MANAGEMENT = "999988887777"
PARTNER = "222233334444"
VENDOR = "444455556666"
RCP_PERIMETER = doc({"Sid": "OnlyOurAccounts", "Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole",
                     "Resource": "*",
                     "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalAccount": [ACCOUNT, PARTNER]},
                                   "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}})
RCP_FULL = {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}
role("rcp-vendor-admin", "AdministratorAccess; trusts another account, which the organization's RCP keeps out",
     trust({"AWS": f"arn:aws:iam::{VENDOR}:root"}), verdict="admin", managed=[ADMIN_POLICY])
role("rcp-partner-admin", "AdministratorAccess; trusts the partner account the RCP lists", trust({"AWS": f"arn:aws:iam::{PARTNER}:root"}),
     verdict="admin", managed=[ADMIN_POLICY])
# Who outside the account can get in (outsiders with an edge into the role), with the RCPs considered.
OUTSIDE = [
    dict(role="rcp-vendor-admin", outsiders=[], trap="an external trust the RCP blocks: not outside access"),
    dict(role="rcp-partner-admin", outsiders=[f"arn:aws:iam::{PARTNER}:root"], trap="an external trust the RCP allows"),
]

# Issue 10: "Admin = can do everything or can grant itself everything (e.g. iam:* on *)". These
# principals give themselves everything in one step on themselves (a policy put or attached into
# themselves or their group, a new default version of a policy they hold, joining the admins
# group, removing their own boundary): administrators, with the technique that does it. The
# "escalate" verdict stays for those that need another principal or resource.
SELF_GRANT = {
    "mid-lambda", "r-attach-role-policy", "r-put-role-policy", "m-action-case", "m-action-wildcard",
    "m-attach-admin-only", "m-attach-anything-but-admin", "m-deny-other-regions", "m-forallvalues-no-tags", "m-mfa",
    "m-notaction", "m-notresource", "m-own-tag", "m-policy-path-wildcard", "m-single-statement", "t-source-ip",
    "u-add-user-to-group", "u-attach-group-policy", "u-attach-user-policy", "u-cpv-group-policy",
    "u-create-policy-version", "u-delete-boundary", "u-put-group-policy", "u-put-user-policy",
    "u-set-default-policy-version",
}

GROUPS = {
    "admins": dict(managed=[ADMIN_POLICY], inline=[]),
    "g-attach": dict(managed=[], inline=[doc(allow("iam:AttachGroupPolicy", f"{A}:group/g-attach"))]),
    "g-put": dict(managed=[], inline=[doc(allow("iam:PutGroupPolicy", f"{A}:group/g-put"))]),
    "deployers": dict(managed=[], inline=[doc(allow("iam:PassRole", f"{A}:role/admin-lambda"),
                                              allow(["lambda:CreateFunction", "lambda:InvokeFunction"]))]),
    "g-cpv": dict(managed=[f"{A}:policy/cpv-group"], inline=[]),
    "empty": dict(managed=[], inline=[]),
    "g-deny-iam": dict(managed=[], inline=[doc(deny("iam:*"))]),
    "g-split": dict(managed=[f"{A}:policy/split-passrole"], inline=[]),
}


def name_of(arn):
    return arn.rsplit("/", 1)[1]


def path_of(arn):
    rest = arn.split(":", 5)[5]
    parts = rest.split("/")
    return "/" + "/".join(parts[1:-1]) + "/" if len(parts) > 2 else "/"


def attached(arns):
    return [{"PolicyName": name_of(a), "PolicyArn": a} for a in arns]


def inline_list(p, key_prefix):
    return [{"PolicyName": f"{p['name']}-inline-{i}", "PolicyDocument": enc(d)} for i, d in enumerate(p["inline"])]


def organizations():
    """A member account (its management account is another), under one OU; RCPs are enabled in the root,
    SCPs are not. RCPFullAWSAccess at every level, the perimeter on the account."""
    def rcp(pid, name, managed):
        arn = (f"arn:aws:organizations::aws:policy/resource_control_policy/{pid}" if managed else
               f"arn:aws:organizations::{MANAGEMENT}:policy/{ORG_ID}/resource_control_policy/{pid}")
        return {"Id": pid, "Arn": arn, "Name": name, "Type": "RESOURCE_CONTROL_POLICY", "AwsManaged": managed}
    full = rcp("p-RCPFullAWSAccess", "RCPFullAWSAccess", True)
    perimeter = rcp("p-perimeter01", "AccountPerimeter", False)
    ou = "ou-ab12-prod0001"
    return {
        "DescribeOrganization": {"output": {"Organization": {
            "Id": ORG_ID, "Arn": f"arn:aws:organizations::{MANAGEMENT}:organization/{ORG_ID}", "FeatureSet": "ALL",
            "MasterAccountId": MANAGEMENT, "MasterAccountArn": f"arn:aws:organizations::{MANAGEMENT}:account/{ORG_ID}/{MANAGEMENT}",
            "MasterAccountEmail": "aws-management@example.com"}}},
        "ListRoots": {"output": {"Roots": [{"Id": "r-ab12", "Arn": f"arn:aws:organizations::{MANAGEMENT}:root/{ORG_ID}/r-ab12",
                                            "Name": "Root",
                                            "PolicyTypes": [{"Type": "RESOURCE_CONTROL_POLICY", "Status": "ENABLED"}]}]}},
        "ListParents": {"cases": [
            {"input": {"ChildId": ACCOUNT}, "output": {"Parents": [{"Id": ou, "Type": "ORGANIZATIONAL_UNIT"}]}},
            {"input": {"ChildId": ou}, "output": {"Parents": [{"Id": "r-ab12", "Type": "ROOT"}]}}]},
        "ListPoliciesForTarget": {"cases": [
            {"input": {"TargetId": "r-ab12", "Filter": "RESOURCE_CONTROL_POLICY"}, "output": {"Policies": [full]}},
            {"input": {"TargetId": ou, "Filter": "RESOURCE_CONTROL_POLICY"}, "output": {"Policies": [full]}},
            {"input": {"TargetId": ACCOUNT, "Filter": "RESOURCE_CONTROL_POLICY"}, "output": {"Policies": [full, perimeter]}}]},
        "DescribePolicy": {"cases": [
            {"input": {"PolicyId": "p-RCPFullAWSAccess"}, "output": {"Policy": {
                "PolicySummary": {"Id": "p-RCPFullAWSAccess", "Name": "RCPFullAWSAccess"}, "Content": json.dumps(RCP_FULL)}}},
            {"input": {"PolicyId": "p-perimeter01"}, "output": {"Policy": {
                "PolicySummary": {"Id": "p-perimeter01", "Name": "AccountPerimeter"}, "Content": json.dumps(RCP_PERIMETER)}}}]},
    }


def build():
    users, roles, groups = [], [], []
    members = {g: [] for g in GROUPS}
    for p in P:
        for g in p["groups"]:
            members[g].append(p["name"])
    counts = {a: 0 for a in MANAGED}
    for i, p in enumerate(P):
        ident = f"{i:016d}"
        for a in p["managed"]:
            counts[a] += 1
        if p["kind"] == "user":
            u = {"Path": "/", "UserName": p["name"], "UserId": "AIDA" + ident, "Arn": SELF_USER(p["name"]),
                 "CreateDate": "2024-03-01T08:00:00Z", "UserPolicyList": inline_list(p, "u"),
                 "GroupList": p["groups"], "AttachedManagedPolicies": attached(p["managed"]), "Tags": p["tags"]}
            if p["boundary"]:
                u["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": p["boundary"]}
            users.append(u)
        else:
            arn = f"{A}:role{p.get('path', '/')}{p['name']}"
            profiles = []
            if p.get("profile"):
                profiles = [{"Path": "/", "InstanceProfileName": p["name"], "InstanceProfileId": "AIPA" + ident,
                             "Arn": f"{A}:instance-profile/{p['name']}", "CreateDate": "2024-03-01T08:00:00Z",
                             "Roles": [{"Path": "/", "RoleName": p["name"], "RoleId": "AROA" + ident, "Arn": arn,
                                        "CreateDate": "2024-03-01T08:00:00Z",
                                        "AssumeRolePolicyDocument": enc(p["trust"])}]}]
            roles.append({"Path": p.get("path", "/"), "RoleName": p["name"], "RoleId": "AROA" + ident, "Arn": arn,
                          "CreateDate": "2024-03-01T08:00:00Z", "AssumeRolePolicyDocument": enc(p["trust"]),
                          "InstanceProfileList": profiles, "RolePolicyList": inline_list(p, "r"),
                          "AttachedManagedPolicies": attached(p["managed"]), "Tags": [], "RoleLastUsed": {}})
            if p["boundary"]:
                roles[-1]["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy",
                                                    "PermissionsBoundaryArn": p["boundary"]}
    for i, (g, spec) in enumerate(GROUPS.items()):
        for a in spec["managed"]:
            counts[a] += 1
        groups.append({"Path": "/", "GroupName": g, "GroupId": f"AGPA{i:016d}", "Arn": f"{A}:group/{g}",
                       "CreateDate": "2024-03-01T08:00:00Z",
                       "GroupPolicyList": [{"PolicyName": f"{g}-inline-{j}", "PolicyDocument": enc(d)}
                                           for j, d in enumerate(spec["inline"])],
                       "AttachedManagedPolicies": attached(spec["managed"])})
    policies = []
    for i, (arn, d) in enumerate(MANAGED.items()):
        boundary_uses = sum(1 for p in P if p["boundary"] == arn)
        policies.append({"PolicyName": name_of(arn), "PolicyId": f"ANPA{i:016d}", "Arn": arn, "Path": path_of(arn),
                         "DefaultVersionId": "v2", "AttachmentCount": counts[arn],
                         "PermissionsBoundaryUsageCount": boundary_uses, "IsAttachable": True,
                         "CreateDate": "2024-03-01T08:00:00Z", "UpdateDate": "2024-03-01T08:00:00Z",
                         "PolicyVersionList": [{"Document": enc(d), "VersionId": "v2", "IsDefaultVersion": True,
                                                "CreateDate": "2024-03-01T08:00:00Z"}]})
    report_rows = ["<root_account>,arn:aws:iam::111122223333:root,2019-04-01T08:30:00+00:00,not_supported,"
                   "2025-01-01T08:30:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,"
                   "N/A,false,N/A,false,N/A"]
    for p in P:
        if p["kind"] != "user":
            continue
        mfa = "true" if p["name"] == "m-mfa" else "false"
        report_rows.append(f"{p['name']},{SELF_USER(p['name'])},2024-03-01T08:00:00+00:00,false,N/A,N/A,N/A,{mfa},"
                           "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A")
    header = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
              "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
              "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
              "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
              "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
              "cert_2_active,cert_2_last_rotated")
    n_users = sum(1 for p in P if p["kind"] == "user")
    iam = {
        "GetAccountAuthorizationDetails": {"output": {"UserDetailList": users, "GroupDetailList": groups,
                                                      "RoleDetailList": roles, "Policies": policies}},
        "GenerateCredentialReport": {"output": {"State": "COMPLETE"}},
        "GetCredentialReport": {"output": {"Content": "\n".join([header] + report_rows) + "\n", "ReportFormat": "text/csv",
                                           "GeneratedTime": "2026-11-25T10:00:00Z"}},
        "GetAccountSummary": {"output": {"SummaryMap": {"Users": n_users, "Groups": len(groups), "Roles": len(roles),
                                                        "Policies": len(policies), "AccountMFAEnabled": 1,
                                                        "AccountAccessKeysPresent": 0, "MFADevices": 2,
                                                        "MFADevicesInUse": 2}}},
        "ListVirtualMFADevices": {"output": {"VirtualMFADevices": [
            {"SerialNumber": f"{A}:mfa/root-account-mfa-device", "EnableDate": "2024-03-01T08:00:00Z",
             "User": {"Arn": f"arn:aws:iam::{ACCOUNT}:root", "UserName": "", "UserId": ACCOUNT,
                      "CreateDate": "2019-04-01T08:30:00Z"}}]}},
        "ListServerCertificates": {"output": {"ServerCertificateMetadataList": []}},
        "ListSAMLProviders": {"output": {"SAMLProviderList": []}},
        "ListOpenIDConnectProviders": {"output": {"OpenIDConnectProviderList": []}},
        "ListEntitiesForPolicy": {"default": {"output": {"PolicyGroups": [], "PolicyUsers": [], "PolicyRoles": []}}},
    }
    fn = {"FunctionName": "admin-fn", "FunctionArn": ADMIN_FN, "Role": f"{A}:role/admin-lambda", "Runtime": "python3.13",
          "Handler": "app.handler", "CodeSize": 1024, "Timeout": 30, "MemorySize": 128,
          "LastModified": "2025-06-01T10:00:00.000+0000", "Version": "$LATEST", "PackageType": "Zip"}
    fn2 = dict(fn, FunctionName="logs-fn", FunctionArn=f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:logs-fn",
               Role=f"{A}:role/harmless-lambda")
    lam = {
        "ListFunctions": {"output": {"Functions": [fn, fn2]}},
        "GetPolicy": {"error": {"code": "ResourceNotFoundException", "message": "The resource you requested does not exist.",
                                "status": 404}},
        "ListFunctionUrlConfigs": {"output": {"FunctionUrlConfigs": []}},
    }

    def instance(iid, prof):
        return {"InstanceId": iid, "ImageId": "ami-0123456789abcdef0", "InstanceType": "t3.micro",
                "State": {"Code": 16, "Name": "running"}, "LaunchTime": "2025-06-01T10:00:00Z",
                "PrivateIpAddress": "10.0.1.10", "SubnetId": "subnet-0a1b2c3d", "VpcId": "vpc-0a1b2c3d",
                "IamInstanceProfile": {"Arn": f"{A}:instance-profile/{prof}", "Id": "AIPA" + prof.upper()[:12]},
                "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"},
                "SecurityGroups": [], "Tags": [{"Key": "Name", "Value": prof}]}

    ec2 = {"DescribeInstances": {"output": {"Reservations": [
        {"ReservationId": "r-0adm1n", "OwnerId": ACCOUNT, "Instances": [instance("i-0adm1n0000000000a", "admin-ec2")]},
        {"ReservationId": "r-0harm1", "OwnerId": ACCOUNT, "Instances": [instance("i-0harm1e550000000b", "harmless-ec2")]}]}}}

    scenario = {
        "description": "IAM privilege escalation (issue 10 section 5): one principal per escalation path and the traps "
                       "that must and must not be reported. Generated by generate.py from one table, with "
                       "tests/integration/ground_truth/iam_escalation_expected.json; edit the table, not this file. "
                       "All secrets are fake.",
        "page_size": 25,
        "accounts": {ACCOUNT: {
            "regions": {"us-east-1": "opt-in-not-required"},
            "identities": {"users": [{"name": "auditor", "user_id": "AIDAFAKEAUDITOR00001",
                                      "access_keys": [{"id": "AKIAFAKEAUDITOR00001",
                                                       "secret": "fakeSecretAuditor/000000000000000000000001"}]}]},
            "services": {"iam": {"*": iam}, "lambda": {"us-east-1": lam}, "ec2": {"us-east-1": ec2},
                         "organizations": {"*": organizations()}},
        }},
        "expected": [],
    }
    expected = {
        "description": "Expected verdicts of tests/fakeaws/scenarios/iam-escalation (generated with it by its "
                       "generate.py). verdict: admin (allowed everything), escalate (a path to administrator; "
                       "technique: the first step of the shortest one, or techniques: any of equally short ones), "
                       "none. grants_itself (admin): the principal gives itself everything in one step on itself, "
                       "by one of these techniques (issue 10: admin = can do everything or can grant itself "
                       "everything). conditional: whether that path depends on a condition CloudPeek cannot know "
                       "(null: either). trap: the issue 10 section 5 case it stands for. outside: the outsiders "
                       "that can assume a role, the organization's resource control policies considered.",
        "account": ACCOUNT,
        "principals": [],
    }
    for p in P:
        arn = SELF_USER(p["name"]) if p["kind"] == "user" else f"{A}:role{p.get('path', '/')}{p['name']}"
        e = {"arn": arn, "verdict": p["verdict"]}
        if p["name"] in SELF_GRANT:
            assert p["verdict"] == "escalate", p["name"]
            e["verdict"] = "admin"
            e["grants_itself"] = p["techniques"] or [p["technique"]]
            e["conditional"] = p["conditional"]
        elif p["verdict"] == "escalate":
            if p["techniques"]:
                e["techniques"] = p["techniques"]
            else:
                e["technique"] = p["technique"]
            e["conditional"] = p["conditional"]
        if p["trap"]:
            e["trap"] = p["trap"]
        e["why"] = p["why"]
        expected["principals"].append(e)
    expected["outside"] = [{"arn": f"{A}:role/{o['role']}", "outsiders": o["outsiders"], "trap": o["trap"]}
                           for o in OUTSIDE]
    with open(os.path.join(HERE, "scenario.json"), "w") as f:
        json.dump(scenario, f, indent=1)
        f.write("\n")
    with open(EXPECTED, "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    paths = sum(1 for p in P if p["verdict"] == "escalate" and not p["trap"])
    print(f"{len(P)} principals, {paths} one-path principals, "
          f"{sum(1 for p in P if p['trap'])} traps -> scenario.json, {os.path.normpath(EXPECTED)}")


if __name__ == "__main__":
    build()
