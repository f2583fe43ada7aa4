#include "ecsguard/parse/image/config.h"

#include <algorithm>
#include <utility>

#include "ecsguard/core/limits.h"
#include "ecsguard/parse/image/messages.h"
#include "ecsguard/parse/json_loader.h"

namespace ecsguard::parse::image {

namespace {

core::Result<Node> load(std::string_view json, std::size_t max_bytes, std::string_view what) {
  if (json.size() > max_bytes) {
    return image_error(core::Errc::kLimit, "image.limit-json",
                       {{"what", std::string(what)}, {"limit", std::to_string(max_bytes)}});
  }
  core::Limits l;
  l.max_file_bytes = max_bytes;
  l.max_depth = 64;
  auto doc = load_json(json, 0, l);
  if (!doc.ok()) {
    return image_error(core::Errc::kSyntax, "image.bad-json",
                       {{"what", std::string(what)}, {"reason", doc.error().message}});
  }
  return doc;
}

core::Error bad(std::string_view what, std::string_view reason) {
  return image_error(core::Errc::kInvalid, "image.bad-json",
                     {{"what", std::string(what)}, {"reason", std::string(reason)}});
}

std::string text_of(const Node* n) { return n != nullptr && n->is_string() ? n->text : ""; }

std::vector<std::string> strings_of(const Node* n) {
  std::vector<std::string> out;
  if (n == nullptr || !n->is_seq()) return out;
  for (const auto& i : n->items) {
    if (i.is_string()) out.push_back(i.text);
  }
  return out;
}

}  // namespace

core::Result<ImageConfig> parse_config(std::string_view json, std::size_t max_bytes) {
  auto doc = load(json, max_bytes, "the image config");
  if (!doc.ok()) return std::move(doc).error();
  const Node& root = doc.value();
  if (!root.is_map()) return bad("the image config", "not an object");
  ImageConfig c;
  c.os = text_of(root.find("os"));
  c.architecture = text_of(root.find("architecture"));
  if (const Node* cfg = root.find("config"); cfg != nullptr && cfg->is_map()) {
    c.user = text_of(cfg->find("User"));
    c.env = strings_of(cfg->find("Env"));
    c.entrypoint = strings_of(cfg->find("Entrypoint"));
    c.cmd = strings_of(cfg->find("Cmd"));
    if (const Node* p = cfg->find("ExposedPorts"); p != nullptr && p->is_map()) {
      for (const auto& m : p->members) c.exposed_ports.push_back(m.key.text);
    }
    if (const Node* v = cfg->find("Volumes"); v != nullptr && v->is_map()) {
      for (const auto& m : v->members) c.volumes.push_back(m.key.text);
    }
    if (const Node* h = cfg->find("Healthcheck"); h != nullptr && h->is_map()) {
      c.healthcheck = strings_of(h->find("Test"));
    }
    if (const Node* l = cfg->find("Labels"); l != nullptr && l->is_map()) {
      for (const auto& m : l->members) c.labels.emplace_back(m.key.text, text_of(&m.value));
    }
  }
  if (const Node* h = root.find("history"); h != nullptr && h->is_seq()) {
    for (const auto& e : h->items) {
      if (e.is_map()) c.history.push_back(text_of(e.find("created_by")));
    }
  }
  return c;
}

core::Result<SaveManifest> parse_save_manifest(std::string_view json, std::size_t max_bytes) {
  auto doc = load(json, max_bytes, "manifest.json");
  if (!doc.ok()) return std::move(doc).error();
  const Node& root = doc.value();
  if (!root.is_seq() || root.items.empty() || !root.items[0].is_map()) {
    return bad("manifest.json", "not an array of images");
  }
  SaveManifest m;
  m.config = text_of(root.items[0].find("Config"));
  m.layers = strings_of(root.items[0].find("Layers"));
  if (m.config.empty()) return bad("manifest.json", "no Config");
  return m;
}

core::Result<std::string> parse_oci_index(std::string_view json, std::size_t max_bytes) {
  auto doc = load(json, max_bytes, "index.json");
  if (!doc.ok()) return std::move(doc).error();
  const Node* list = doc->find("manifests");
  if (list == nullptr || !list->is_seq() || list->items.empty()) {
    return bad("index.json", "no manifests");
  }
  const std::string digest = text_of(list->items[0].find("digest"));
  if (digest.empty()) return bad("index.json", "manifest without a digest");
  return digest;
}

core::Result<SaveManifest> parse_oci_manifest(std::string_view json, std::size_t max_bytes) {
  auto doc = load(json, max_bytes, "the OCI manifest");
  if (!doc.ok()) return std::move(doc).error();
  const Node* config = doc->find("config");
  SaveManifest m;
  m.config = config != nullptr ? text_of(config->find("digest")) : "";
  if (m.config.empty()) return bad("the OCI manifest", "no config digest");
  if (const Node* layers = doc->find("layers"); layers != nullptr && layers->is_seq()) {
    for (const auto& l : layers->items) m.layers.push_back(text_of(l.find("digest")));
  }
  return m;
}

core::Result<std::string> blob_path(std::string_view digest) {
  const std::string_view hex = digest.starts_with("sha256:") ? digest.substr(7) : "";
  const bool ok = hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
                    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                  });
  if (!ok) {
    return image_error(core::Errc::kInvalid, "image.bad-digest", {{"digest", std::string(digest)}});
  }
  return "blobs/sha256/" + std::string(hex);
}

}  // namespace ecsguard::parse::image
