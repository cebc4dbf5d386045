#include "iam/escalation_rules.h"

namespace cloudpeek::iam {
namespace {

constexpr std::string_view kRhino = "Rhino Security Labs, AWS IAM Privilege Escalation - Methods and Mitigation "
                                    "(https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/)";
constexpr std::string_view kRhinoPart2 =
    "Rhino Security Labs, AWS IAM Privilege Escalation - Methods and Mitigation, Part 2 "
    "(https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation-part-2/)";
constexpr std::string_view kBishopFox = "Bishop Fox, iam-vulnerable (https://github.com/BishopFox/iam-vulnerable)";
constexpr std::string_view kPathfinding = "Datadog, pathfinding.cloud (https://pathfinding.cloud)";

Step target(std::string_view action, bool policy_arn = false) {
  return Step{.action = action, .resource = ResourceOf::kTarget, .policy_arn = policy_arn};
}
Step pass() { return Step{.action = "iam:PassRole", .resource = ResourceOf::kTarget, .passes_role = true}; }
Step created(std::string_view action, std::string_view type) {
  return Step{.action = action, .resource = ResourceOf::kNew, .resource_type = type};
}
Step any(std::string_view action) { return Step{.action = action, .resource = ResourceOf::kAny}; }
Step workload(std::string_view action, std::string_view type) {
  return Step{.action = action, .resource = ResourceOf::kWorkload, .resource_type = type};
}
Step fixed(std::string_view action, std::string_view arn) {
  return Step{.action = action, .resource = ResourceOf::kFixed, .arn = arn};
}

std::vector<EscalationRule> make_rules() {
  std::vector<EscalationRule> r;
  // ---- IAM itself: changing what a principal may do, or getting its credentials.
  r.push_back({.id = "iam-create-policy-version", .name = "iam:CreatePolicyVersion",
               .target = TargetKind::kPolicy, .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers,
               .steps = {target("iam:CreatePolicyVersion")},
               .description = "Writes a new default version of a customer managed policy (--set-as-default needs no "
                              "other permission): every principal the policy is attached to, directly or through a "
                              "group, gets any permission.",
               .reference = kRhino});
  r.push_back({.id = "iam-set-default-policy-version", .name = "iam:SetDefaultPolicyVersion",
               .target = TargetKind::kPolicy, .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers,
               .steps = {target("iam:SetDefaultPolicyVersion")},
               .assumption = "assumes one of the policy's other versions grants more (the inventory holds only "
                             "the default version)",
               .description = "Makes an older or prepared version of a managed policy the default one.",
               .reference = kRhino});
  r.push_back({.id = "iam-attach-user-policy", .name = "iam:AttachUserPolicy", .target = TargetKind::kUser,
               .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers,
               .steps = {target("iam:AttachUserPolicy", true)},
               .description = "Attaches an administrator managed policy (AdministratorAccess) to a user.",
               .reference = kRhino});
  r.push_back({.id = "iam-attach-group-policy", .name = "iam:AttachGroupPolicy", .target = TargetKind::kGroup,
               .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers,
               .steps = {target("iam:AttachGroupPolicy", true)},
               .description = "Attaches an administrator managed policy to a group: its members become administrators.",
               .reference = kRhino});
  r.push_back({.id = "iam-attach-role-policy", .name = "iam:AttachRolePolicy", .target = TargetKind::kRole,
               .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers,
               .steps = {target("iam:AttachRolePolicy", true)},
               .description = "Attaches an administrator managed policy to a role the principal is or can reach.",
               .reference = kRhino});
  r.push_back({.id = "iam-put-user-policy", .name = "iam:PutUserPolicy", .target = TargetKind::kUser,
               .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers, .steps = {target("iam:PutUserPolicy")},
               .description = "Writes an inline policy allowing everything into a user.", .reference = kRhino});
  r.push_back({.id = "iam-put-group-policy", .name = "iam:PutGroupPolicy", .target = TargetKind::kGroup,
               .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers, .steps = {target("iam:PutGroupPolicy")},
               .description = "Writes an inline policy allowing everything into a group: its members become "
                              "administrators.",
               .reference = kRhino});
  r.push_back({.id = "iam-put-role-policy", .name = "iam:PutRolePolicy", .target = TargetKind::kRole,
               .yield = Yield::kEmpowerTarget, .self = Self::kSelfAndOthers, .steps = {target("iam:PutRolePolicy")},
               .description = "Writes an inline policy allowing everything into a role the principal is or can reach.",
               .reference = kRhino});
  r.push_back({.id = "iam-create-access-key", .name = "iam:CreateAccessKey", .target = TargetKind::kUser,
               .yield = Yield::kBecomeTarget, .steps = {target("iam:CreateAccessKey")},
               .description = "Creates an access key for another user and acts as that user.", .reference = kRhino});
  r.push_back({.id = "iam-create-login-profile", .name = "iam:CreateLoginProfile", .target = TargetKind::kUser,
               .yield = Yield::kBecomeTarget, .steps = {target("iam:CreateLoginProfile")},
               .assumption = "assumes the user has no console password yet (CreateLoginProfile fails otherwise)",
               .description = "Sets a console password for another user and signs in as that user.",
               .reference = kRhino});
  r.push_back({.id = "iam-update-login-profile", .name = "iam:UpdateLoginProfile", .target = TargetKind::kUser,
               .yield = Yield::kBecomeTarget, .steps = {target("iam:UpdateLoginProfile")},
               .assumption = "assumes the user has a console password (UpdateLoginProfile fails otherwise)",
               .description = "Changes another user's console password and signs in as that user.",
               .reference = kRhino});
  r.push_back({.id = "iam-add-user-to-group", .name = "iam:AddUserToGroup", .target = TargetKind::kGroup,
               .yield = Yield::kJoinGroup, .principals = "user", .steps = {target("iam:AddUserToGroup")},
               .description = "Adds the user to a group and gains the group's policies.", .reference = kRhino});
  r.push_back({.id = "iam-update-assume-role-policy", .name = "iam:UpdateAssumeRolePolicy",
               .target = TargetKind::kRole, .yield = Yield::kBecomeTarget,
               .steps = {target("iam:UpdateAssumeRolePolicy")},
               .description = "Rewrites a role's trust policy to name the principal, then assumes the role (a trust "
                              "policy naming a principal of the same account allows it without an identity policy).",
               .reference = kRhino});
  r.push_back({.id = "iam-delete-user-permissions-boundary", .name = "iam:DeleteUserPermissionsBoundary",
               .target = TargetKind::kSelf, .yield = Yield::kDropBoundary, .principals = "user",
               .steps = {target("iam:DeleteUserPermissionsBoundary")},
               .description = "Removes the user's own permissions boundary, leaving its identity policies unlimited.",
               .reference = kPathfinding});
  r.push_back({.id = "iam-delete-role-permissions-boundary", .name = "iam:DeleteRolePermissionsBoundary",
               .target = TargetKind::kSelf, .yield = Yield::kDropBoundary, .principals = "role",
               .steps = {target("iam:DeleteRolePermissionsBoundary")},
               .description = "Removes the role's own permissions boundary, leaving its identity policies unlimited.",
               .reference = kPathfinding});

  // ---- Passing a role to a service that runs the principal's code as that role.
  r.push_back({.id = "passrole-lambda-invoke", .name = "iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction",
               .target = TargetKind::kServiceRole, .service = "lambda.amazonaws.com",
               .steps = {pass(), created("lambda:CreateFunction", "function"), created("lambda:InvokeFunction", "function")},
               .description = "Creates a Lambda function running as the role with the principal's code, and invokes it.",
               .reference = kRhino});
  r.push_back({.id = "passrole-lambda-event-source",
               .name = "iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping",
               .target = TargetKind::kServiceRole, .service = "lambda.amazonaws.com",
               .steps = {pass(), created("lambda:CreateFunction", "function"), any("lambda:CreateEventSourceMapping")},
               .assumption = "assumes an event source (a DynamoDB stream, a queue) the function can be mapped to",
               .description = "Creates a Lambda function running as the role and has an event source invoke it.",
               .reference = kRhino});
  r.push_back({.id = "passrole-lambda-add-permission", .name = "iam:PassRole + lambda:CreateFunction + lambda:AddPermission",
               .target = TargetKind::kServiceRole, .service = "lambda.amazonaws.com",
               .steps = {pass(), created("lambda:CreateFunction", "function"), created("lambda:AddPermission", "function")},
               .description = "Creates a Lambda function running as the role and grants itself (or anyone) the right to "
                              "invoke it through the function policy.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-ec2-run-instances", .name = "iam:PassRole + ec2:RunInstances",
               .target = TargetKind::kServiceRole, .service = "ec2.amazonaws.com",
               .steps = {pass(), created("ec2:RunInstances", "instance")},
               .description = "Launches an instance with the role's instance profile and user data that hands out the "
                              "role's credentials.",
               .reference = kRhino});
  r.push_back({.id = "passrole-ec2-spot-instances", .name = "iam:PassRole + ec2:RequestSpotInstances",
               .target = TargetKind::kServiceRole, .service = "ec2.amazonaws.com",
               .steps = {pass(), any("ec2:RequestSpotInstances")},
               .description = "Requests a spot instance with the role's instance profile and user data.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-autoscaling-launch-configuration",
               .name = "iam:PassRole + autoscaling:CreateLaunchConfiguration + autoscaling:CreateAutoScalingGroup",
               .target = TargetKind::kServiceRole, .service = "ec2.amazonaws.com",
               .steps = {pass(), created("autoscaling:CreateLaunchConfiguration", "launchConfiguration"),
                         created("autoscaling:CreateAutoScalingGroup", "autoScalingGroup")},
               .description = "A launch configuration with the role's instance profile and user data, launched by a new "
                              "Auto Scaling group.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-autoscaling-launch-template",
               .name = "iam:PassRole + ec2:CreateLaunchTemplate + autoscaling:CreateAutoScalingGroup",
               .target = TargetKind::kServiceRole, .service = "ec2.amazonaws.com",
               .steps = {pass(), created("ec2:CreateLaunchTemplate", "launch-template"),
                         created("autoscaling:CreateAutoScalingGroup", "autoScalingGroup")},
               .description = "A launch template with the role's instance profile, launched by a new Auto Scaling group.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-cloudformation-create-stack", .name = "iam:PassRole + cloudformation:CreateStack",
               .target = TargetKind::kServiceRole, .service = "cloudformation.amazonaws.com",
               .steps = {pass(), created("cloudformation:CreateStack", "stack")},
               .description = "Creates a stack whose service role is the role: the template's resources (an IAM user "
                              "with an access key, a policy) are made with the role's permissions.",
               .reference = kRhino});
  r.push_back({.id = "passrole-cloudformation-change-set",
               .name = "iam:PassRole + cloudformation:CreateChangeSet + cloudformation:ExecuteChangeSet",
               .target = TargetKind::kServiceRole, .service = "cloudformation.amazonaws.com",
               .steps = {pass(), created("cloudformation:CreateChangeSet", "stack"),
                         created("cloudformation:ExecuteChangeSet", "stack")},
               .description = "Creates and executes a change set (for a new stack) run by the role.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-glue-dev-endpoint", .name = "iam:PassRole + glue:CreateDevEndpoint",
               .target = TargetKind::kServiceRole, .service = "glue.amazonaws.com",
               .steps = {pass(), any("glue:CreateDevEndpoint")},
               .description = "Creates a Glue development endpoint running as the role, reachable over SSH with the "
                              "principal's key.",
               .reference = kRhino});
  r.push_back({.id = "passrole-glue-job", .name = "iam:PassRole + glue:CreateJob + glue:StartJobRun",
               .target = TargetKind::kServiceRole, .service = "glue.amazonaws.com",
               .steps = {pass(), created("glue:CreateJob", "job"), created("glue:StartJobRun", "job")},
               .description = "Creates and runs a Glue job (the principal's script) as the role.",
               .reference = kBishopFox});
  r.push_back({.id = "passrole-sagemaker-notebook",
               .name = "iam:PassRole + sagemaker:CreateNotebookInstance + sagemaker:CreatePresignedNotebookInstanceUrl",
               .target = TargetKind::kServiceRole, .service = "sagemaker.amazonaws.com",
               .steps = {pass(), created("sagemaker:CreateNotebookInstance", "notebook-instance"),
                         created("sagemaker:CreatePresignedNotebookInstanceUrl", "notebook-instance")},
               .description = "Creates a notebook instance running as the role and opens its Jupyter terminal.",
               .reference = kRhinoPart2});
  r.push_back({.id = "passrole-sagemaker-training-job", .name = "iam:PassRole + sagemaker:CreateTrainingJob",
               .target = TargetKind::kServiceRole, .service = "sagemaker.amazonaws.com",
               .steps = {pass(), created("sagemaker:CreateTrainingJob", "training-job")},
               .description = "Runs a training job (the principal's container) as the role.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-sagemaker-processing-job", .name = "iam:PassRole + sagemaker:CreateProcessingJob",
               .target = TargetKind::kServiceRole, .service = "sagemaker.amazonaws.com",
               .steps = {pass(), created("sagemaker:CreateProcessingJob", "processing-job")},
               .description = "Runs a processing job (the principal's container) as the role.",
               .reference = kPathfinding});
  r.push_back({.id = "passrole-codebuild", .name = "iam:PassRole + codebuild:CreateProject + codebuild:StartBuild",
               .target = TargetKind::kServiceRole, .service = "codebuild.amazonaws.com",
               .steps = {pass(), created("codebuild:CreateProject", "project"), created("codebuild:StartBuild", "project")},
               .description = "Creates a build project with the role as its service role and a buildspec of the "
                              "principal's, and starts it.",
               .reference = kBishopFox});
  r.push_back({.id = "passrole-datapipeline",
               .name = "iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition + "
                       "datapipeline:ActivatePipeline",
               .target = TargetKind::kServiceRole, .service = "datapipeline.amazonaws.com",
               .steps = {pass(), any("datapipeline:CreatePipeline"),
                         created("datapipeline:PutPipelineDefinition", "pipeline"),
                         created("datapipeline:ActivatePipeline", "pipeline")},
               .description = "A pipeline run by the role with a ShellCommandActivity of the principal's.",
               .reference = kRhino});
  r.push_back({.id = "passrole-ecs-run-task", .name = "iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask",
               .target = TargetKind::kServiceRole, .service = "ecs-tasks.amazonaws.com",
               .steps = {pass(), created("ecs:RegisterTaskDefinition", "task-definition"),
                         created("ecs:RunTask", "task-definition")},
               .assumption = "assumes an ECS cluster to run the task in",
               .description = "Registers a task definition with the role as task role and runs it.",
               .reference = kBishopFox});
  r.push_back({.id = "passrole-ecs-service", .name = "iam:PassRole + ecs:RegisterTaskDefinition + ecs:CreateService",
               .target = TargetKind::kServiceRole, .service = "ecs-tasks.amazonaws.com",
               .steps = {pass(), created("ecs:RegisterTaskDefinition", "task-definition"),
                         created("ecs:CreateService", "service")},
               .assumption = "assumes an ECS cluster to run the service in",
               .description = "Registers a task definition with the role as task role and runs it as a service.",
               .reference = kBishopFox});
  r.push_back({.id = "passrole-apprunner", .name = "iam:PassRole + apprunner:CreateService",
               .target = TargetKind::kServiceRole, .service = "tasks.apprunner.amazonaws.com",
               .steps = {pass(), created("apprunner:CreateService", "service")},
               .description = "Creates an App Runner service whose instance role is the role, running the principal's "
                              "image or start command.",
               .reference = kPathfinding});

  // ---- Code or session access to something that already runs as a role.
  r.push_back({.id = "lambda-update-function-code", .name = "lambda:UpdateFunctionCode",
               .target = TargetKind::kWorkload, .service = "lambda.amazonaws.com", .workload = "lambda",
               .steps = {workload("lambda:UpdateFunctionCode", "function")},
               .description = "Replaces the code of a function that runs as the role; the next invocation runs it.",
               .reference = kRhino});
  r.push_back({.id = "ssm-send-command", .name = "ssm:SendCommand", .target = TargetKind::kWorkload,
               .service = "ec2.amazonaws.com", .workload = "ec2",
               .steps = {workload("ssm:SendCommand", "instance"),
                         fixed("ssm:SendCommand", "arn:{partition}:ssm:{region}::document/AWS-RunShellScript")},
               .assumption = "assumes the instance runs the SSM agent",
               .description = "Runs a shell command on an instance whose instance profile holds the role.",
               .reference = kPathfinding});
  r.push_back({.id = "ssm-start-session", .name = "ssm:StartSession", .target = TargetKind::kWorkload,
               .service = "ec2.amazonaws.com", .workload = "ec2", .steps = {workload("ssm:StartSession", "instance")},
               .assumption = "assumes the instance runs the SSM agent",
               .description = "Opens a Session Manager shell on an instance whose instance profile holds the role.",
               .reference = kPathfinding});
  r.push_back({.id = "ec2-instance-connect", .name = "ec2-instance-connect:SendSSHPublicKey",
               .target = TargetKind::kWorkload, .service = "ec2.amazonaws.com", .workload = "ec2",
               .steps = {workload("ec2-instance-connect:SendSSHPublicKey", "instance")},
               .assumption = "assumes the instance runs EC2 Instance Connect and its SSH port is reachable",
               .description = "Pushes an SSH key to an instance whose instance profile holds the role, logs in and "
                              "reads the role's credentials from the metadata service.",
               .reference = kPathfinding});
  r.push_back({.id = "ec2-modify-user-data",
               .name = "ec2:ModifyInstanceAttribute + ec2:StopInstances + ec2:StartInstances",
               .target = TargetKind::kWorkload, .service = "ec2.amazonaws.com", .workload = "ec2",
               .steps = {workload("ec2:ModifyInstanceAttribute", "instance"), workload("ec2:StopInstances", "instance"),
                         workload("ec2:StartInstances", "instance")},
               .description = "Rewrites the user data of a stopped instance whose instance profile holds the role; it "
                              "runs at the next start.",
               .reference = kPathfinding});
  r.push_back({.id = "sagemaker-presigned-notebook-url", .name = "sagemaker:CreatePresignedNotebookInstanceUrl",
               .target = TargetKind::kWorkload, .service = "sagemaker.amazonaws.com", .workload = "sagemaker-notebook",
               .steps = {workload("sagemaker:CreatePresignedNotebookInstanceUrl", "notebook-instance")},
               .description = "Opens the Jupyter terminal of an existing notebook instance that runs as the role.",
               .reference = kRhinoPart2});
  r.push_back({.id = "glue-update-dev-endpoint", .name = "glue:UpdateDevEndpoint", .target = TargetKind::kWorkload,
               .service = "glue.amazonaws.com", .workload = "glue-dev-endpoint",
               .steps = {workload("glue:UpdateDevEndpoint", "devendpoint")},
               .description = "Adds the principal's SSH key to an existing development endpoint that runs as the role.",
               .reference = kRhino});
  r.push_back({.id = "cloudformation-update-stack", .name = "cloudformation:UpdateStack",
               .target = TargetKind::kWorkload, .service = "cloudformation.amazonaws.com",
               .workload = "cloudformation-stack", .steps = {workload("cloudformation:UpdateStack", "stack")},
               .description = "Updates the template of an existing stack whose service role is the role; the new "
                              "resources are made with the role's permissions.",
               .reference = kPathfinding});
  r.push_back({.id = "cloudformation-change-set-existing-stack",
               .name = "cloudformation:CreateChangeSet + cloudformation:ExecuteChangeSet",
               .target = TargetKind::kWorkload, .service = "cloudformation.amazonaws.com",
               .workload = "cloudformation-stack",
               .steps = {workload("cloudformation:CreateChangeSet", "stack"),
                         workload("cloudformation:ExecuteChangeSet", "stack")},
               .description = "Changes an existing stack whose service role is the role through a change set.",
               .reference = kPathfinding});
  r.push_back({.id = "codebuild-start-build-override", .name = "codebuild:StartBuild (buildspec override)",
               .target = TargetKind::kWorkload, .service = "codebuild.amazonaws.com", .workload = "codebuild-project",
               .steps = {workload("codebuild:StartBuild", "project")},
               .description = "Starts a build of an existing project whose service role is the role, with a buildspec "
                              "override of the principal's.",
               .reference = kPathfinding});
  r.push_back({.id = "ecs-execute-command", .name = "ecs:ExecuteCommand", .target = TargetKind::kWorkload,
               .service = "ecs-tasks.amazonaws.com", .workload = "ecs-task",
               .steps = {workload("ecs:ExecuteCommand", "task")},
               .assumption = "assumes the task was started with ECS Exec enabled",
               .description = "Opens a shell in a running task whose task role is the role.",
               .reference = kPathfinding});
  return r;
}

}  // namespace

const std::vector<EscalationRule>& escalation_rules() {
  static const std::vector<EscalationRule> rules = make_rules();
  return rules;
}

const EscalationRule* find_rule(std::string_view id) {
  for (const EscalationRule& r : escalation_rules())
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace cloudpeek::iam
