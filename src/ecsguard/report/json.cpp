// The JSON report: a contract other tools parse (docs/json-format.md). Written as a stream (no DOM:
// a scan of thousands of templates can have tens of thousands of findings); keys are emitted in a
// fixed order and findings in engine::finding_less order, so the output is byte-stable.
#include <array>
#include <string>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

namespace {

// JSON string escaping (RFC 8259): quotes, backslash and control characters. Input bytes >= 0x80
// are copied as they are (the loaders only accept valid UTF-8 input).
void put_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void key(std::string_view k, int indent) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    put_string(out_, k);
    out_ += ": ";
  }
  void str(std::string_view k, std::string_view v, int indent, bool last = false) {
    key(k, indent);
    put_string(out_, v);
    end(last);
  }
  void num(std::string_view k, std::size_t v, int indent, bool last = false) {
    key(k, indent);
    out_ += std::to_string(v);
    end(last);
  }
  void boolean(std::string_view k, bool v, int indent, bool last = false) {
    key(k, indent);
    out_ += v ? "true" : "false";
    end(last);
  }
  void str_array(std::string_view k, std::span<const std::string_view> items, bool nist, int indent,
                 bool last = false) {
    key(k, indent);
    if (items.empty()) {
      out_ += "[]";
      end(last);
      return;
    }
    out_ += "[\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out_.append(static_cast<std::size_t>(indent) + 2, ' ');
      put_string(out_, nist ? engine::nist_section_number(items[i]) : items[i]);
      out_ += i + 1 < items.size() ? ",\n" : "\n";
    }
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += ']';
    end(last);
  }
  void open(std::string_view k, char bracket, int indent) {
    key(k, indent);
    out_ += bracket;
    out_ += '\n';
  }
  void close(char bracket, int indent, bool last) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += bracket;
    end(last);
  }
  void end(bool last) { out_ += last ? "\n" : ",\n"; }
  std::string& raw() { return out_; }

 private:
  std::string& out_;
};

void write_finding(Writer& w, const engine::Finding& f, bool last) {
  std::string& o = w.raw();
  o += "    {\n";
  w.str("check", f.id(), 6);
  w.str("title", f.entry ? f.entry->title : std::string_view{}, 6);
  w.str("severity", core::to_string(f.severity), 6);
  w.str("layer", f.entry ? core::to_string(f.entry->layer) : std::string_view{}, 6);
  w.str("status", core::to_string(f.status), 6);
  w.open("resource", '{', 6);
  const bool has_container = !f.container.empty();
  const bool has_cdk = !f.cdk_path.empty();
  w.str("type", f.resource_type, 8);
  w.str("name", f.resource_name, 8, !has_container && !has_cdk);
  if (has_container) w.str("container", f.container, 8, !has_cdk);
  if (has_cdk) w.str("cdk_path", f.cdk_path, 8, true);
  w.close('}', 6, false);
  w.open("location", '{', 6);
  w.str("file", f.file, 8);
  w.num("line", f.loc.line, 8);
  w.num("column", f.loc.column, 8, true);
  w.close('}', 6, false);
  w.str("property", f.property, 6);
  w.str("message", f.message, 6);
  w.open("controls", '{', 6);
  std::span<const std::string_view> sh, nist;
  if (f.entry) {
    sh = f.entry->security_hub;
    nist = f.entry->nist_800_190;
  }
  w.str_array("security_hub", sh, false, 8);
  w.str_array("nist_800_190", nist, true, 8, true);
  w.close('}', 6, false);
  w.str("fingerprint", f.fingerprint, 6, true);
  o += last ? "    }\n" : "    },\n";
}

struct StatusCounts {
  std::size_t fail = 0, warn = 0, unknown = 0;
  void add(core::Status s) {
    if (s == core::Status::kFail) ++fail;
    if (s == core::Status::kWarn) ++warn;
    if (s == core::Status::kUnknown) ++unknown;
  }
  void write(Writer& w, int indent) const {
    w.num("fail", fail, indent);
    w.num("warn", warn, indent);
    w.num("unknown", unknown, indent, true);
  }
};

}  // namespace

void write_json(const ReportData& data, std::ostream& out) {
  std::string buf;
  buf.reserve(4096 + data.findings.size() * 700);
  Writer w(buf);
  buf += "{\n";
  w.open("tool", '{', 2);
  w.str("name", core::kToolName, 4);
  w.str("version", core::kVersion, 4, true);
  w.close('}', 2, false);

  if (data.findings.empty()) {
    w.key("findings", 2);
    buf += "[]";
    w.end(false);
  } else {
    w.open("findings", '[', 2);
    for (std::size_t i = 0; i < data.findings.size(); ++i) {
      write_finding(w, data.findings[i], i + 1 == data.findings.size());
      if (buf.size() > (1u << 20)) {
        out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.clear();
      }
    }
    w.close(']', 2, false);
  }

  if (data.diagnostics.empty()) {
    w.key("errors", 2);
    buf += "[]";
    w.end(false);
  } else {
    w.open("errors", '[', 2);
    for (std::size_t i = 0; i < data.diagnostics.size(); ++i) {
      const auto& d = data.diagnostics[i];
      buf += "    {\n";
      w.str("file", d.file, 6);
      w.num("line", d.line, 6);
      w.num("column", d.column, 6);
      w.str("code", core::to_string(d.code), 6);
      w.str("message", d.message, 6);
      w.boolean("input_lost", d.loses_input(), 6, true);
      buf += i + 1 < data.diagnostics.size() ? "    },\n" : "    }\n";
    }
    w.close(']', 2, false);
  }

  StatusCounts total;
  std::array<std::size_t, 5> by_sev{};
  std::array<StatusCounts, std::size(core::kAllLayers)> by_layer{};
  for (const auto& f : data.findings) {
    total.add(f.status);
    ++by_sev[static_cast<std::size_t>(f.severity)];
    if (f.entry) by_layer[static_cast<std::size_t>(f.entry->layer)].add(f.status);
  }
  w.open("summary", '{', 2);
  w.num("files_discovered", data.files_discovered, 4);
  w.num("files_scanned", data.files_scanned, 4);
  w.num("files_failed", data.files_failed, 4);
  w.num("findings", data.findings.size(), 4);
  w.open("by_status", '{', 4);
  total.write(w, 6);
  w.close('}', 4, false);
  w.open("by_severity", '{', 4);
  for (auto sev : {core::Severity::kCritical, core::Severity::kHigh, core::Severity::kMedium,
                   core::Severity::kLow, core::Severity::kInfo}) {
    w.num(core::to_string(sev), by_sev[static_cast<std::size_t>(sev)], 6,
          sev == core::Severity::kInfo);
  }
  w.close('}', 4, false);
  w.open("by_layer", '{', 4);
  for (std::size_t i = 0; i < std::size(core::kAllLayers); ++i) {
    w.open(core::to_string(core::kAllLayers[i]), '{', 6);
    by_layer[i].write(w, 8);
    w.close('}', 6, i + 1 == std::size(core::kAllLayers));
  }
  w.close('}', 4, false);
  w.str("fail_on",
        data.fail_never ? std::string("never") : core::to_lower(core::to_string(data.fail_on)), 4);
  w.num("failing", count_failing(data), 4, true);
  w.close('}', 2, true);
  buf += "}\n";
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

}  // namespace ecsguard::report
