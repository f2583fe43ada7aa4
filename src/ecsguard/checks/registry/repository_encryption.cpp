// REG-007 ECR repositories encrypted with a customer managed KMS key (Security Hub ECR.5).
#include <string>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::registry {

namespace {

constexpr std::string_view kEncryptionTypes[] = {"AES256", "KMS", "KMS_DSSE"};

void run(const model::Repository& repo, engine::CheckContext& ctx) {
  const auto& t = repo.encryption_type;
  const std::string type_path = "EncryptionConfiguration.EncryptionType";
  const std::string key_path = "EncryptionConfiguration.KmsKey";
  const auto who = [&] { return msg::common::Repository{.name = repository_label(repo)}; };
  if (t.unknown()) {
    ctx.unknown(t.loc, type_path, t.reason);
    return;
  }
  // Case-sensitive: ECR rejects "kms".
  const std::string type = t.known() ? t.value : "AES256";
  if (!is_one_of(type, kEncryptionTypes)) {
    ctx.fail(t.loc, type_path,
             invalid_value_message(who(), "EncryptionType", t.value, kEncryptionTypes));
    return;
  }
  if (type != "KMS" && type != "KMS_DSSE") {
    if (t.known()) {
      ctx.fail(t.loc, type_path, msg::reg007::AwsOwnedExplicit{.subject = who(), .type = t.value});
    } else {
      ctx.fail(t.loc, type_path, msg::reg007::AwsOwnedDefault{.subject = who()});
    }
    return;
  }
  const auto& k = repo.kms_key;
  if (k.absent()) {
    ctx.fail(t.loc, key_path, msg::reg007::NoKmsKey{.subject = who(), .type = type});
    return;
  }
  // alias/aws/ecr (or any alias/aws/...) names an AWS managed key, also as an alias ARN.
  if (k.value.find("alias/aws/") != std::string::npos) {
    ctx.fail(k.loc, key_path, msg::reg007::AwsManagedKey{.subject = who(), .key = k.value});
    return;
  }
  if (k.unknown() && k.refs.empty() && !has_known_text(k.value)) {
    ctx.unknown(k.loc, key_path, k.reason);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef repository_encryption;
const engine::CheckDef repository_encryption{
    .id = "REG-007",
    .rationale = i18n::Id::kReg007Rationale,
    .remediation =
        {
            .cdk = "const key = new kms.Key(this, 'EcrKey', { enableKeyRotation: true });\n"
                   "new ecr.Repository(this, 'Repo', {\n  encryption: "
                   "ecr.RepositoryEncryption.KMS,\n  encryptionKey: key,\n});",
            .cloudformation = "Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n"
                              "    EncryptionConfiguration:\n      EncryptionType: KMS\n"
                              "      KmsKey: !GetAtt EcrKey.Arn",
            .terraform = "resource \"aws_ecr_repository\" \"app\" {\n  name = \"app\"\n"
                         "  encryption_configuration {\n    encryption_type = \"KMS\"\n"
                         "    kms_key         = aws_kms_key.ecr.arn\n  }\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Repository, &run>,
};

}  // namespace ecsguard::checks::registry
