// Static evaluation of Terraform expressions: variables, tfvars, locals, references, operators,
// templates, for expressions, functions, file()/templatefile() through a loader, count/for_each.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ecsguard/parse/terraform/eval/evaluator.h"
#include "ecsguard/parse/terraform/eval/json.h"
#include "ecsguard/parse/terraform/hcl/parser.h"

namespace ecsguard::parse::terraform::eval {
namespace {

constexpr core::FileId kFile = 5;

class FakeLoader : public FileLoader {
 public:
  std::map<std::string, std::string> files;
  [[nodiscard]] core::Result<std::string> read(std::string_view module_dir,
                                               std::string_view path) const override {
    const auto it = files.find(std::string(module_dir) + "/" + std::string(path));
    if (it == files.end()) return core::make_error(core::Errc::kIo, "outside the scan root");
    return it->second;
  }
};

// A module made of one file; evaluates its `out` locals on demand.
class EvalTest : public ::testing::Test {
 protected:
  void load(const std::string& text, const std::string& tfvars = "") {
    source_ = text;
    parsed_ = hcl::parse_hcl(source_, kFile);
    ASSERT_TRUE(parsed_.ok()) << parsed_.diagnostics[0].message;
    module_ = collect_module({&parsed_.file}, "mod");
    if (!tfvars.empty()) {
      tfvars_source_ = tfvars;
      tfvars_ = hcl::parse_hcl(tfvars_source_, kFile + 1);
      ASSERT_TRUE(tfvars_.ok());
      apply_tfvars(module_, tfvars_.file);
    }
  }
  Value local(const std::string& name) {
    Evaluator ev(module_, &loader_);
    return ev.eval_local(name, core::Loc{});
  }
  std::string text_of(const std::string& name) {
    const Value v = local(name);
    EXPECT_EQ(v.kind, ValueKind::kString) << name << ": " << v.text;
    return v.text;
  }

  FakeLoader loader_;
  std::string source_;
  std::string tfvars_source_;
  hcl::ParseResult parsed_;
  hcl::ParseResult tfvars_;
  Module module_;
};

TEST_F(EvalTest, Variables_DefaultsTfvarsAndMissing) {
  load(
      "variable \"image\" { default = \"nginx:1\" }\n"
      "variable \"cpu\" {\n  default = 256\n}\n"
      "variable \"role\" {}\n"
      "locals {\n  image = var.image\n  cpu = var.cpu * 2\n  role = var.role\n"
      "  missing = var.nope\n}\n",
      "image = \"nginx:latest\"\n");
  EXPECT_EQ(text_of("image"), "nginx:latest");
  EXPECT_EQ(local("cpu").number, 512);
  const Value role = local("role");
  ASSERT_FALSE(role.known());
  EXPECT_NE(role.text.find("no default"), std::string::npos);
  EXPECT_EQ(role.loc, (core::Loc{kFile, 5, 1}));
  EXPECT_FALSE(local("missing").known());
}

TEST_F(EvalTest, Locals_ChainsAndCycles) {
  load("locals {\n  a = \"${local.b}-x\"\n  b = upper(\"web\")\n  c = local.d\n  d = local.c\n}\n");
  EXPECT_EQ(text_of("a"), "WEB-x");
  const Value c = local("c");
  ASSERT_FALSE(c.known());
  EXPECT_NE(c.text.find("refers to itself"), std::string::npos);
}

TEST_F(EvalTest, References_AreUnknownWithTheAddressAndLocation) {
  load("locals {\n  arn = aws_iam_role.exec.arn\n  ids = data.aws_subnets.x.ids[0]\n}\n");
  const Value arn = local("arn");
  ASSERT_FALSE(arn.known());
  EXPECT_EQ(arn.text, "aws_iam_role.exec.arn (a resource attribute) is known only after apply");
  EXPECT_EQ(arn.loc, (core::Loc{kFile, 2, 9}));
  EXPECT_EQ(local("ids").text, "data.aws_subnets.x.ids[0] is known only after apply");
}

TEST_F(EvalTest, OperatorsConditionalsForAndSplat) {
  load(
      "locals {\n"
      "  n = (1 + 2) * 3 % 4 - -1\n"
      "  cmp = 1 < 2 && \"a\" == \"a\" && !false\n"
      "  cond = local.n > 1 ? \"big\" : \"small\"\n"
      "  short = false && aws_x.y.z\n"
      "  ports = [for p in [80, 443] : p + 1 if p != 80]\n"
      "  by_team = {for s in [{t = \"a\", n = 1}, {t = \"a\", n = 2}] : s.t => s.n...}\n"
      "  names = [{name = \"x\"}, {name = \"y\"}][*].name\n"
      "  tmpl = \"%{ for i, v in [\"a\", \"b\"] }${i}=${v};%{ endfor }%{ if true }!%{ endif }\"\n"
      "  wrapped = \"${[1, 2]}\"\n"
      "}\n");
  EXPECT_EQ(local("n").number, 2);
  EXPECT_TRUE(local("cmp").boolean);
  EXPECT_EQ(text_of("cond"), "big");
  EXPECT_EQ(local("short").kind, ValueKind::kBool);
  const Value ports = local("ports");
  ASSERT_EQ(ports.items.size(), 1U);
  EXPECT_EQ(ports.items[0].number, 444);
  const Value by_team = local("by_team");  // find() points into it: keep it alive
  const Value* a = by_team.find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->items.size(), 2U);
  const Value names = local("names");
  ASSERT_EQ(names.items.size(), 2U);
  EXPECT_EQ(names.items[1].text, "y");
  EXPECT_EQ(text_of("tmpl"), "0=a;1=b;!");
  EXPECT_EQ(local("wrapped").kind, ValueKind::kList);
}

TEST_F(EvalTest, ContainerDefinitions_JsonencodeLikeTerraform) {
  load(
      "variable \"image\" { default = \"nginx\" }\n"
      "locals {\n"
      "  defs = jsonencode([{\n    name = \"web\"\n    image = \"${var.image}:1.25\"\n"
      "    essential = true\n    cpu = 256\n    cmd = [\"a<b\", \"c&d\"]\n  }])\n"
      "  unknown = jsonencode([{ name = \"web\", image = aws_ecr_repository.r.repository_url }])\n"
      "  round = jsondecode(local.defs)[0].image\n"
      "}\n");
  EXPECT_EQ(
      text_of("defs"),
      R"([{"cmd":["a\u003cb","c\u0026d"],"cpu":256,"essential":true,"image":"nginx:1.25","name":"web"}])");
  EXPECT_FALSE(local("unknown").known());
  EXPECT_EQ(text_of("round"), "nginx:1.25");
}

TEST_F(EvalTest, Functions) {
  load(
      "locals {\n"
      "  merged = merge({a = 1, b = 2}, null, {b = 3})\n"
      "  cat = concat([1], [2, 3])\n"
      "  found = lookup({a = \"x\"}, \"a\", \"d\")\n"
      "  dflt = lookup({a = \"x\"}, \"z\", \"d\")\n"
      "  fmt = format(\"%s-%d-%q-%%\", \"a\", 7, \"b\")\n"
      "  joined = join(\",\", [\"a\", \"b\"], [\"c\"])\n"
      "  str = tostring(12)\n"
      "  spread = concat([[1], [2]]...)\n"
      "  other = timestamp()\n"
      "}\n");
  const Value merged = local("merged");
  ASSERT_EQ(merged.members.size(), 2U);
  EXPECT_EQ(merged.find("b")->number, 3);
  EXPECT_EQ(local("cat").items.size(), 3U);
  EXPECT_EQ(text_of("found"), "x");
  EXPECT_EQ(text_of("dflt"), "d");
  EXPECT_EQ(text_of("fmt"), "a-7-\"b\"-%");
  EXPECT_EQ(text_of("joined"), "a,b,c");
  EXPECT_EQ(text_of("str"), "12");
  EXPECT_EQ(local("spread").items.size(), 2U);
  const Value other = local("other");
  ASSERT_FALSE(other.known());
  EXPECT_NE(other.text.find("timestamp"), std::string::npos);
}

TEST_F(EvalTest, FileAndTemplatefile_GoThroughTheLoader) {
  loader_.files["mod/defs.json"] = R"([{"name":"web"}])";
  loader_.files["mod/defs.tpl"] = "[{\"name\":\"${name}\",\"n\":${n}}]\n";
  load(
      "locals {\n"
      "  raw = file(\"defs.json\")\n"
      "  tpl = templatefile(\"${path.module}/../mod/defs.tpl\", { name = \"api\", n = 2 })\n"
      "  outside = file(\"../../etc/passwd\")\n"
      "}\n");
  EXPECT_EQ(text_of("raw"), R"([{"name":"web"}])");
  loader_.files["mod/mod/../mod/defs.tpl"] = loader_.files["mod/defs.tpl"];
  EXPECT_EQ(text_of("tpl"), "[{\"name\":\"api\",\"n\":2}]\n");
  loader_.files["mod/bad.tpl"] = "x ${aws_s3_bucket.b.arn}\n";
  Module& m = module_;
  const hcl::ParseResult call = hcl::parse_hcl("x = templatefile(\"bad.tpl\", {})\n", kFile);
  ASSERT_TRUE(call.ok());
  Evaluator ev(m, &loader_);
  const Value bad = ev.eval(call.file.body.attributes[0].value);
  ASSERT_FALSE(bad.known());
  EXPECT_EQ(bad.loc, (core::Loc{kFile, 1, 5}));
  EXPECT_NE(bad.text.find("templatefile(\"bad.tpl\"): aws_s3_bucket.b.arn"), std::string::npos)
      << bad.text;
  const Value outside = local("outside");
  ASSERT_FALSE(outside.known());
  EXPECT_NE(outside.text.find("outside the scan root"), std::string::npos);
  Evaluator no_loader(module_);
  EXPECT_FALSE(no_loader.eval_local("raw", core::Loc{}).known());
}

TEST_F(EvalTest, CountAndForEach_ExpandLiteralCollections) {
  load(
      "resource \"a\" \"counted\" { count = 2 }\n"
      "resource \"a\" \"each\" {\n  for_each = {x = 1, y = 2}\n  name = each.key\n}\n"
      "resource \"a\" \"set\" { for_each = toset([\"p\", \"q\", \"p\"]) }\n"
      "resource \"a\" \"unknown\" { count = var.n }\n"
      "resource \"a\" \"single\" {}\n"
      "variable \"n\" {}\n");
  Evaluator ev(module_);
  const auto& blocks = parsed_.file.body.blocks;
  const Expansion counted = expand_instances(blocks[0], ev);
  ASSERT_EQ(counted.instances.size(), 2U);
  EXPECT_EQ(bindings(counted, counted.instances[1]).at(0).second.find("index")->number, 1);
  const Expansion each = expand_instances(blocks[1], ev);
  ASSERT_EQ(each.instances.size(), 2U);
  const Value name =
      ev.eval(blocks[1].body.attributes.at(1).value, bindings(each, each.instances[1]));
  EXPECT_EQ(name.text, "y");
  EXPECT_EQ(expand_instances(blocks[2], ev).instances.size(), 2U);
  const Expansion unknown = expand_instances(blocks[3], ev);
  EXPECT_TRUE(unknown.instances.empty());
  EXPECT_FALSE(unknown.unknown.known());
  EXPECT_EQ(expand_instances(blocks[4], ev).instances.size(), 1U);
}

TEST_F(EvalTest, Limits_CountAndStrings) {
  load("resource \"a\" \"many\" { count = 1000000 }\n");
  Evaluator ev(module_);
  const Expansion e = expand_instances(parsed_.file.body.blocks[0], ev);
  EXPECT_TRUE(e.instances.empty());
  EXPECT_FALSE(e.unknown.known());
}

TEST_F(EvalTest, Limits_DoublingLocalsStopAtTheWorkBudget) {
  std::string text = "locals {\n  l0 = [1, 2, 3, 4]\n";
  for (int i = 1; i <= 40; ++i) {
    text += "  l" + std::to_string(i) + " = [local.l" + std::to_string(i - 1) + ", local.l" +
            std::to_string(i - 1) + "]\n";
  }
  text += "  s0 = \"abcdefgh\"\n";
  for (int i = 1; i <= 40; ++i) {
    text += "  s" + std::to_string(i) + " = \"${local.s" + std::to_string(i - 1) + "}${local.s" +
            std::to_string(i - 1) + "}\"\n";
  }
  load(text + "}\n");
  // Past the budget the elements built from then on are Unknown with the reason.
  const Value big = local("l40");
  const Value* u = find_unknown(big);
  ASSERT_NE(u, nullptr);
  EXPECT_NE(u->text.find("larger than the limit"), std::string::npos);
  EXPECT_FALSE(local("s40").known());
  EXPECT_EQ(local("l3").kind, ValueKind::kList);
}

}  // namespace
}  // namespace ecsguard::parse::terraform::eval
