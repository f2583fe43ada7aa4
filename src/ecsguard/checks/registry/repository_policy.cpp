// REG-006 ECR repository policy does not allow public or unintended cross-account access.
#include <algorithm>
#include <string>
#include <vector>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/unknown_reason.h"

namespace ecsguard::checks::registry {

namespace {

// Actions that change what the repository serves or who controls it (push, delete, policy).
constexpr std::string_view kWriteActions[] = {
    "ecr:PutImage",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:BatchDeleteImage",
    "ecr:PutImageTagMutability",
    "ecr:DeleteRepository",
    "ecr:SetRepositoryPolicy",
    "ecr:DeleteRepositoryPolicy",
    "ecr:PutLifecyclePolicy",
    "ecr:DeleteLifecyclePolicy",
    "ecr:PutImageScanningConfiguration",
    "ecr:ReplicateImage",
};

// Condition keys that confine a statement to an organization, account or principal.
constexpr std::string_view kRestrictingKeys[] = {
    "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:SourceAccount",
    "aws:SourceOrgID",    "aws:SourceOrgPaths",    "aws:PrincipalArn",
};

// Why a condition on one of kRestrictingKeys does not confine the statement; nullopt when it
// does (or when it is about another key).
std::optional<i18n::Message> weak_condition(const model::ConditionEntry& c) {
  std::string op = core::to_lower(c.op);
  if (core::starts_with_i(op, "forallvalues:")) return msg::reg006::weak::ForAllValues{};
  if (op.find("ifexists") != std::string::npos) return msg::reg006::weak::IfExists{};
  if (core::starts_with_i(op, "foranyvalue:")) op = op.substr(12);
  if (op.find("not") != std::string::npos) return msg::reg006::weak::Negated{};
  if (op != "stringequals" && op != "stringequalsignorecase" && op != "stringlike" &&
      op != "arnequals" && op != "arnlike") {
    return msg::reg006::weak::Operator{.condition_operator = c.op};
  }
  if (!c.values.known()) return std::nullopt;  // a value from a parameter still restricts
  const bool real_value =
      std::any_of(c.values.value.begin(), c.values.value.end(), [](const model::Str& v) {
        return !v.known() ||
               (!v.value.empty() && v.value.find_first_not_of("*?") != std::string::npos);
      });
  if (real_value) return std::nullopt;
  return msg::reg006::weak::AnyAccount{};
}

bool restricting_key(const model::ConditionEntry& c) {
  return std::any_of(std::begin(kRestrictingKeys), std::end(kRestrictingKeys),
                     [&](std::string_view k) { return core::iequals(k, c.key); });
}

bool restricting_condition(const model::ConditionEntry& c) {
  return restricting_key(c) && !weak_condition(c);
}

Tri grants_write(const model::Statement& st) {
  Tri out = Tri::kNo;
  auto any_write = [](std::string_view pattern) {
    return std::any_of(std::begin(kWriteActions), std::end(kWriteActions),
                       [&](std::string_view w) { return glob_match(pattern, w); });
  };
  if (st.actions.unknown()) return Tri::kUnknown;
  for (const auto& a : st.actions.value) {
    if (a.unknown()) out = tri_or(out, Tri::kUnknown);
    if (a.known() && any_write(a.value)) return Tri::kYes;
  }
  if (st.not_actions.unknown()) return Tri::kUnknown;
  if (st.not_actions.known()) {
    // Allow + NotAction grants every action not listed.
    for (std::string_view w : kWriteActions) {
      bool excluded = false;
      for (const auto& na : st.not_actions.value) {
        if (na.unknown()) return Tri::kUnknown;
        excluded = excluded || (na.known() && glob_match(na.value, w));
      }
      if (!excluded) return Tri::kYes;
    }
  }
  return out;
}

enum class Who : unsigned char { kPublic, kOwn, kAccount, kService, kUnknown };

struct Classified {
  Who who = Who::kUnknown;
  std::string account;        // kAccount
  i18n::Message reason{};     // kUnknown
  bool maybe_public = false;  // kUnknown: the whole principal is unknown (it could be '*')
};

bool all_digits(std::string_view s) {
  return s.size() == 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Classified classify(const model::Principal& p) {
  if (p.type == "*") return {Who::kPublic, {}, {}};
  if (!core::iequals(p.type, "AWS")) return {Who::kService, {}, {}};  // Service, Federated, ...
  const auto& v = p.value;
  if (v.known() && core::trim(v.value) == "*") return {Who::kPublic, {}, {}};
  if (!v.refs.empty()) return {Who::kOwn, {}, {}};  // a role or user created by this stack
  if (!v.known() && !has_known_text(v.value)) {
    if (v.reason.empty()) return {Who::kUnknown, {}, msg::reg006::PrincipalUnknown{}, true};
    return {Who::kUnknown, {}, msg::common::ModelReason{.reason = v.reason}, true};
  }
  // "123456789012" or "arn:<partition>:iam::123456789012:<role|user|root>".
  std::string account;
  if (all_digits(core::trim(v.value))) {
    account = std::string(core::trim(v.value));
  } else {
    const auto fields = core::split(v.value, ':');
    if (fields.size() >= 5) account = std::string(fields[4]);
  }
  if (has_unknown_segment(account)) {
    if (model::unknown_is_own_account(v)) return {Who::kOwn, {}, {}};
    return {
        Who::kUnknown, {}, msg::reg006::PrincipalAccountUnknown{.principal = printable(v.value)}};
  }
  if (account.empty()) return {Who::kService, {}, {}};  // not an account principal we can judge
  return {Who::kAccount, account, {}};
}

bool listed(const std::vector<std::string>& ids, const std::string& account) {
  return std::find(ids.begin(), ids.end(), account) != ids.end();
}

template <class Subject>
void judge_statement(const model::Statement& st, const std::string& path, const Subject& who,
                     engine::CheckContext& ctx) {
  if (st.effect.known() && !core::iequals(st.effect.value, "Allow")) return;
  if (!st.has_principal) return;
  if (std::any_of(st.conditions.begin(), st.conditions.end(), restricting_condition)) return;
  const auto& opt = ctx.options();
  const bool judge_accounts = !opt.own_account_ids.empty() || !opt.trusted_account_ids.empty();
  bool is_public = !st.not_principals.empty();  // Allow + NotPrincipal: everyone else
  std::vector<std::string> cross;
  std::optional<i18n::Message> unknown_reason;
  for (const auto& p : st.principals) {
    Classified c = classify(p);
    if (c.who == Who::kPublic) is_public = true;
    if (c.who == Who::kUnknown && (c.maybe_public || judge_accounts) && !unknown_reason) {
      unknown_reason = std::move(c.reason);
    }
    if (c.who == Who::kAccount && judge_accounts && !listed(opt.own_account_ids, c.account) &&
        std::find(cross.begin(), cross.end(), c.account) == cross.end()) {
      cross.push_back(c.account);
    }
  }
  const bool anything = is_public || !cross.empty() || unknown_reason;
  if (!anything) return;
  if (st.effect.unknown()) {
    ctx.unknown(st.effect.loc.valid() ? st.effect.loc : st.loc, path, st.effect.reason);
    return;
  }
  const Tri write = grants_write(st);
  const auto rights = [&]() -> i18n::Value {
    if (write == Tri::kYes) return msg::reg006::rights::PushPull{};
    if (write == Tri::kUnknown) return msg::reg006::rights::MaybePush{};
    return msg::reg006::rights::Pull{};
  };
  if (is_public) {
    for (const auto& c : st.conditions) {
      if (!restricting_key(c)) continue;
      // A restricting key here is a weak condition (a confining one returned above).
      ctx.fail(st.loc, path,
               msg::reg006::PublicWeakCondition{.subject = who(),
                                                .rights = rights(),
                                                .condition_operator = c.op,
                                                .key = c.key,
                                                .weakness = *weak_condition(c)});
      return;
    }
    ctx.fail(st.loc, path, msg::reg006::PublicNoCondition{.subject = who(), .rights = rights()});
    return;
  }
  if (!cross.empty()) {
    std::string accounts;
    std::vector<std::string> untrusted;
    for (const auto& a : cross) {
      accounts += (accounts.empty() ? "" : ", ") + a;
      if (!listed(opt.trusted_account_ids, a)) untrusted.push_back(a);
    }
    if (write == Tri::kYes) {
      ctx.fail(st.loc, path, msg::reg006::CrossPush{.subject = who(), .accounts = accounts});
      return;
    }
    if (write == Tri::kUnknown) {
      ctx.unknown(st.loc, path, msg::reg006::CrossActionsUnknown{.accounts = accounts});
      return;
    }
    if (!untrusted.empty()) {
      std::string list;
      for (const auto& a : untrusted) list += (list.empty() ? "" : ", ") + a;
      ctx.warn(st.loc, path, msg::reg006::CrossPullUntrusted{.subject = who(), .accounts = list});
      return;
    }
  }
  if (unknown_reason) ctx.unknown(st.loc, path, *unknown_reason);
}

void run(const model::Repository& repo, engine::CheckContext& ctx) {
  const auto& pol = repo.repository_policy;
  const auto who = [&] { return msg::common::Repository{.name = repository_label(repo)}; };
  if (pol.state == model::Presence::kAbsent) return;  // only IAM identities of this account
  if (pol.state == model::Presence::kUnknown) {
    if (pol.reason.empty()) {
      ctx.unknown(pol.loc, "RepositoryPolicyText", msg::reg006::PolicyUnknown{});
    } else {
      ctx.unknown(pol.loc, "RepositoryPolicyText", pol.reason);
    }
    return;
  }
  for (std::size_t i = 0; i < pol.statements.size(); ++i) {
    const auto& st = pol.statements[i];
    const std::string label =
        st.sid.known() && !st.sid.value.empty() ? st.sid.value : std::to_string(i);
    judge_statement(st, "RepositoryPolicyText.Statement[" + label + "]", who, ctx);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation"};

}  // namespace

extern const engine::CheckDef repository_policy;
const engine::CheckDef repository_policy{
    .id = "REG-006",
    .rationale = i18n::Id::kReg006Rationale,
    .remediation =
        {
            .cdk = "repo.grantPull(new iam.AccountPrincipal('111122223333'));  // a trusted "
                   "account\n// or the whole organization:\nrepo.addToResourcePolicy(new "
                   "iam.PolicyStatement({\n  principals: [new iam.AnyPrincipal()],\n  actions: "
                   "['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],\n  conditions: { "
                   "StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } },\n}));",
            .cloudformation = "RepositoryPolicyText:\n  Version: '2012-10-17'\n  Statement:\n"
                              "    - Sid: OrgPull\n      Effect: Allow\n      Principal: '*'\n"
                              "      Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]\n"
                              "      Condition:\n        StringEquals:\n"
                              "          aws:PrincipalOrgID: o-exampleorgid",
            .terraform = "resource \"aws_ecr_repository_policy\" \"app\" {\n"
                         "  repository = aws_ecr_repository.app.name\n"
                         "  policy = jsonencode({\n    Version = \"2012-10-17\"\n"
                         "    Statement = [{\n      Sid       = \"OrgPull\"\n"
                         "      Effect    = \"Allow\"\n      Principal = \"*\"\n"
                         "      Action    = [\"ecr:BatchGetImage\", "
                         "\"ecr:GetDownloadUrlForLayer\"]\n      Condition = { StringEquals = "
                         "{ \"aws:PrincipalOrgID\" = \"o-exampleorgid\" } }\n    }]\n  })\n}",
        },
    .inputs = kInputs,
    .run = engine::per<model::Repository, &run>,
};

}  // namespace ecsguard::checks::registry
