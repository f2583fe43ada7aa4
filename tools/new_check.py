#!/usr/bin/env python3
"""Scaffold a new check in one step: the check source, its CMake line, its messages (English and
Japanese, in the i18n catalogue), its fixture folder and a reminder to regenerate the docs.

Usage: tools/new_check.py ID [--name STEM] [--subject KIND] [--dry-run]
  ID        a catalog id (CTR-018, LOG-014, ...); its title comes from the compiled catalog
            (src/ecsguard/engine/catalog_data.inc, generated from checks.json), so the id must
            exist there first (tools/gen_catalog.py).
  --name    the source file stem (default: the title, lower-case, words joined by '_').
  --subject what the check judges, one call per subject: container (default), or a model kind
            (task_definition, service, task_set, cluster, repository, log_group, ...), or stack.

Nothing existing is overwritten: the script stops if the source file or fixture folder exists.
"""
import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LAYERS = {"CTR": "container", "LOG": "logging", "NET": "network", "REG": "registry",
          "IAM": "iam", "IMG": "image"}
# model type of each --subject; container and stack have their own templates
SUBJECTS = {"task_definition": "TaskDefinition", "service": "Service", "task_set": "TaskSet",
            "cluster": "Cluster", "repository": "Repository", "log_group": "LogGroup",
            "secret": "Secret", "load_balancer": "LoadBalancer",
            "efs_file_system": "EfsFileSystem"}

CHECK = """// {id} {title}.
#include "ecsguard/checks/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::{layer} {{

namespace {{

{function}

constexpr std::string_view kInputs[] = {{"cloudformation", "task-definition"}};

}}  // namespace

extern const engine::CheckDef {stem};
const engine::CheckDef {stem}{{
    .id = "{id}",
    .rationale = i18n::Id::k{ident}Rationale,
    .remediation =
        {{
            .cdk = "// TODO({id}): the AWS CDK fix",
            .cloudformation = "# TODO({id}): the CloudFormation fix",
            .terraform = "# TODO({id}): the Terraform fix",
        }},
    .inputs = kInputs,
    .run = {run},
}};

}}  // namespace ecsguard::checks::{layer}
"""

CONTAINER_FN = """// TODO({id}): judge one container; handle absent, known and unknown values.
void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {{
  const auto& v = c.privileged;  // TODO({id}): the property this check judges
  const std::string path = container_path(td, c) + ".TODO";
  if (v.unknown()) {{
    ctx.unknown(v.loc, path, v.reason);
    return;
  }}
  if (v.known() && v.value) {{
    ctx.fail(v.loc, path, msg::{msgns}::Fail{{.subject = container_label(td, c)}});
  }}
}}"""

RESOURCE_FN = """// TODO({id}): judge one {kind}; handle absent, known and unknown values. Shared questions
// (launch compatibility, exposure, links) come from ctx.analysis(), never from following refs.
void run(const model::{model} & r, engine::CheckContext& ctx) {{
  ctx.fail(r.id.loc, "TODO", msg::{msgns}::Fail{{.subject = r.id.name}});
}}"""

STACK_FN = """// TODO({id}): relate resources; pick each finding's subject with ctx.set_subject().
void run(const model::Stack& stack, engine::CheckContext& ctx) {{
  for (const auto& td : stack.all<model::TaskDefinition>()) {{
    ctx.set_subject(td.id);
    ctx.fail(td.id.loc, "TODO", msg::{msgns}::Fail{{.subject = td.id.name}});
  }}
}}"""

MESSAGES = """
# --- {id} {title_lower} ---
[{msgns}.rationale]
en = '''TODO({id}): why it matters on ECS on Fargate.'''
ja = '''TODO({id}): ECS on Fargate でなぜ重要か。'''

[{msgns}.fail]
en = '''TODO({id}): '{{subject}}' ...'''
ja = '''TODO({id}): '{{subject}}' ...'''
"""

FIXTURE = """AWSTemplateFormatVersion: "2010-09-09"
Description: {id} - TODO({id}) what this fixture shows
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.25
"""


def catalog_title(check_id):
    inc = (ROOT / "src/ecsguard/engine/catalog_data.inc").read_text(encoding="utf-8")
    m = re.search(r'\{"%s", R"ecsg\((.*?)\)ecsg"' % re.escape(check_id), inc)
    return m.group(1) if m else None


def slug(title):
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "_".join(words[:4]) or "check"


def add_cmake_line(cmake, stem, dry):
    text = cmake.read_text(encoding="utf-8")
    m = re.search(r"ecsguard_add_checks\(LAYER \w+ SOURCES\n(.*?)\)", text, re.S)
    if not m:
        sys.exit("no ecsguard_add_checks(...) list in %s" % cmake)
    lines = [l for l in m.group(1).splitlines() if l.strip()]
    if any(l.strip() == stem + ".cpp" for l in lines):
        return
    lines.append("  %s.cpp" % stem)
    new = text[:m.start(1)] + "\n".join(lines) + "\n" + text[m.end(1):]
    if not dry:
        cmake.write_text(new, encoding="utf-8")


def write(path, text, dry):
    print(("would write " if dry else "wrote ") + str(path.relative_to(ROOT)))
    if not dry:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("id")
    ap.add_argument("--name")
    ap.add_argument("--subject", default="container")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    check_id = a.id.upper()
    prefix = check_id.split("-")[0]
    if prefix not in LAYERS or not re.fullmatch(r"[A-Z]{3}-\d{3}", check_id):
        sys.exit("id must look like CTR-018 with a known layer prefix: " + ", ".join(LAYERS))
    layer = LAYERS[prefix]
    title = catalog_title(check_id)
    if title is None:
        sys.exit("%s is not in the catalog: add it to checks.json and run tools/gen_catalog.py"
                 % check_id)
    stem = a.name or slug(title)
    ident = check_id.replace("-", "").capitalize()  # Ctr018, as i18n::Id::kCtr018Rationale
    msgns = check_id.replace("-", "").lower()        # ctr018, as msg::ctr018::Fail
    fmt = dict(id=check_id, title=title, title_lower=title.lower(), layer=layer, stem=stem,
               ident=ident, msgns=msgns, kind=a.subject)
    if a.subject == "container":
        fmt["run"] = "engine::per_container<&run>"
        function = CONTAINER_FN.format(**fmt)
    elif a.subject == "stack":
        fmt["run"] = "engine::whole_stack<&run>"
        function = STACK_FN.format(**fmt)
    elif a.subject in SUBJECTS:
        fmt["model"] = SUBJECTS[a.subject]
        fmt["run"] = "engine::per<model::%s, &run>" % SUBJECTS[a.subject]
        function = RESOURCE_FN.format(**fmt).replace("model::%s &" % fmt["model"],
                                                      "model::%s&" % fmt["model"])
    else:
        sys.exit("--subject: container, stack or one of " + ", ".join(sorted(SUBJECTS)))

    source = ROOT / "src/ecsguard/checks" / layer / (stem + ".cpp")
    fixtures = ROOT / "tests/checks" / layer / check_id
    if source.exists() or fixtures.exists():
        sys.exit("already there: %s or %s" % (source, fixtures))
    cmake = ROOT / "src/ecsguard/checks" / layer / "CMakeLists.txt"
    if not cmake.exists():
        sys.exit("layer %s has no checks yet: create %s with ecsguard_add_checks(LAYER %s "
                 "SOURCES ...) and add_subdirectory it in src/ecsguard/checks/CMakeLists.txt"
                 % (layer, cmake.relative_to(ROOT), layer))

    write(source, CHECK.format(function=function, **fmt), a.dry_run)
    add_cmake_line(cmake, stem, a.dry_run)
    print(("would add " if a.dry_run else "added ") + "%s.cpp to %s" % (stem, cmake.relative_to(ROOT)))

    catalogue = ROOT / "src/ecsguard/i18n/messages" / ("checks_%s.toml" % layer)
    messages = MESSAGES.format(**fmt)
    if catalogue.parent.exists():
        print(("would append " if a.dry_run else "appended ") + "[%s.rationale], [%s.fail] to %s"
              % (msgns, msgns, catalogue.relative_to(ROOT)))
        if not a.dry_run:
            with catalogue.open("a", encoding="utf-8") as f:
                f.write(messages)
    else:
        print("no message catalogue (src/ecsguard/i18n/messages/) on this branch; entries:")
        print(messages)

    write(fixtures / "fail_cfn.yaml", FIXTURE.format(**fmt), a.dry_run)
    write(fixtures / "fail_cfn.expected",
          "# TODO(%s): one line per finding: <status> <resource>[/<container>] <line>\n"
          "fail TaskDef/app 12\n" % check_id, a.dry_run)
    write(fixtures / "pass_cfn.yaml", FIXTURE.format(**fmt), a.dry_run)
    print("\nnext: replace every TODO(%s), add fixtures in the other input formats the check "
          "reads (task definition JSON, CDK synth output), build, then\n"
          "  build/ecsguard docs -o docs/checks   # the docs entry and index (docs_up_to_date)\n"
          "  cd build && ctest -R 'check_fixtures|registry_consistency|docs_up_to_date'"
          % check_id)


if __name__ == "__main__":
    main()
