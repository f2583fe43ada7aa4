#pragma once
// Check documentation rendered from the one source of truth (catalog entry + CheckDef): the
// generated docs/checks pages, `ecsguard explain ID` and `ecsguard checks`.
#include <ostream>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::report {

// Markdown page for docs/checks/<layer>/<ID>.md. `def` is null for catalog checks not implemented.
// Every writer takes the language of its text (the English pages are the committed ones).
void write_check_page(const engine::CatalogEntry& entry, const engine::CheckDef* def,
                      std::ostream& out, i18n::Lang lang = i18n::Lang::kEn);
// docs/checks/README.md: the whole catalog by layer, with implementation status and links.
void write_check_index(std::ostream& out, i18n::Lang lang = i18n::Lang::kEn);
// Plain-text explanation for the terminal.
void write_explain(const engine::CatalogEntry& entry, const engine::CheckDef* def,
                   std::ostream& out, i18n::Lang lang = i18n::Lang::kEn);
// `ecsguard checks`: table (text) or JSON {"checks": [...]}.
void write_check_list(std::ostream& out, bool json, i18n::Lang lang = i18n::Lang::kEn);

}  // namespace ecsguard::report
