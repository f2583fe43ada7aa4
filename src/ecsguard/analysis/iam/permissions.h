#pragma once
// IAM policy evaluation over the documents that apply to one principal (a role's inline
// policies, the customer policies attached to it, the AWS managed policies it names by ARN).
// Identity-policy semantics: an action is allowed when an Allow statement matches it (Action
// globs, or NotAction that does not match) and no unconditional Deny matching it on every
// resource removes it. Answers are three-valued: a document, list element or ARN that cannot be
// known statically makes "no" into "not known", and a Deny with a Condition makes "yes" into
// "not known" (it may apply).
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/analysis/iam/actions.h"
#include "ecsguard/analysis/link.h"
#include "ecsguard/core/location.h"
#include "ecsguard/core/tri.h"
#include "ecsguard/model/iam.h"

namespace ecsguard::analysis::iam {

using core::Tri;

// Where a statement comes from (checks render it as a message: reports are bilingual).
struct Source {
  enum class Kind : unsigned char { kInline, kPolicy, kAwsManaged };
  Kind kind = Kind::kInline;
  std::string name;  // inline policy name, policy logical id, AWS managed policy name
};

struct SourcedStatement {
  const model::Statement* statement = nullptr;
  Source source;
  core::Loc loc;  // the statement, or the ARN that attached an AWS managed policy
};

// A part of the permissions that cannot be evaluated.
struct Unknown {
  enum class Why : unsigned char {
    kModel,              // the document / statement is not statically knowable: `reason`
    kManagedNotInTable,  // an AWS managed policy ecsguard has no document for: `source.name`
    kPolicyArnNotKnown,  // a ManagedPolicyArns entry that names nothing known: `reason`
  };
  Why why = Why::kModel;
  Source source;
  std::string reason;
  core::Loc loc;
};

struct Grant {
  Tri allowed = Tri::kNo;
  bool all_resources = false;            // an allowing statement has Resource "*" or NotResource
  bool conditional = false;              // every allowing statement carries a Condition
  const SourcedStatement* by = nullptr;  // the first allowing statement
  const Unknown* unknown = nullptr;      // when unknown because of an unknown part
  bool maybe_denied = false;             // when unknown because a conditional Deny may apply
};

// Does one statement's Action / NotAction match the concrete `action`?
[[nodiscard]] Tri matches_action(const model::Statement& s, std::string_view action);
// Does the statement apply to every resource (Resource "*" or NotResource)?
[[nodiscard]] Tri on_all_resources(const model::Statement& s);
[[nodiscard]] bool is_allow(const model::Statement& s) noexcept;
[[nodiscard]] bool is_deny(const model::Statement& s) noexcept;

class Permissions {
 public:
  // `loc`: where the document is attached when its statements have no location of their own.
  void add(const model::PolicyDocument& doc, const Source& source, core::Loc loc = {});
  void add_unknown(Unknown u) { unknowns_.push_back(std::move(u)); }

  // Is the concrete `action` ("ecr:PutImage") allowed?
  [[nodiscard]] Grant allows(std::string_view action) const;
  // Allow statements in order (checks that look at their shape: Action "*", NotAction...).
  [[nodiscard]] std::span<const SourcedStatement> allow_statements() const noexcept {
    return allows_;
  }
  [[nodiscard]] std::span<const Unknown> unknowns() const noexcept { return unknowns_; }
  [[nodiscard]] bool empty() const noexcept { return allows_.empty() && unknowns_.empty(); }

  // The concrete actions the Allow statements grant on every resource ("*" / NotResource) without
  // a Condition, expanded against the action catalogue and not removed by a Deny, for which
  // `keep` is true, at most `limit` of them, sorted by service and name.
  [[nodiscard]] std::vector<Action> granted_on_all_resources(
      const std::function<bool(const Action&)>& keep, std::size_t limit) const;

 private:
  std::vector<SourcedStatement> allows_;
  std::vector<SourcedStatement> denies_;
  std::vector<Unknown> unknowns_;
};

// Everything `role` is allowed: its inline policies, the customer policies of the scan attached
// to it, and the AWS managed policies it attaches by ARN (unknown ARNs / policies not in
// managed.h's table are recorded as unknowns).
[[nodiscard]] Permissions permissions_of(const Links& links, const model::Role& role);

}  // namespace ecsguard::analysis::iam
