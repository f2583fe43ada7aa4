#pragma once
// Messages of the vulnerability database loader, in English and Japanese (named arguments,
// parse/detail/message_table.h).
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/detail/message_table.h"

namespace ecsguard::vuln {

inline constexpr parse::detail::MessageText kMessages[] = {
    {"osv.not-a-directory", "vulnerability database '{path}' is not a directory",
     "脆弱性データベース '{path}' がディレクトリではありません"},
    {"osv.read-failed", "cannot read OSV file '{path}': {reason}",
     "OSV ファイル '{path}' を読み込めません: {reason}"},
    {"osv.not-an-object", "an OSV advisory must be a JSON object",
     "OSV のアドバイザリは JSON オブジェクトでなければなりません"},
    {"osv.missing-id", "OSV advisory without an 'id'", "OSV アドバイザリに 'id' がありません"},
    {"osv.bad-field", "OSV field '{field}' has the wrong type (expected {expected})",
     "OSV のフィールド '{field}' の型が違います（{expected} が必要です）"},
    {"osv.limit-files", "more than {limit} files in the vulnerability database",
     "脆弱性データベースのファイル数が上限の {limit} を超えています"},
    {"osv.limit-file-size", "OSV file is larger than the limit of {limit} bytes",
     "OSV ファイルが上限の {limit} バイトを超えています"},
    {"osv.limit-affected", "more than {limit} affected entries in one advisory",
     "1 つのアドバイザリの affected が上限の {limit} 件を超えています"},
    {"osv.limit-events", "more than {limit} range events in one affected entry",
     "1 つの affected のイベント数が上限の {limit} 件を超えています"},
};

// A core::Error with the English text of message `id`.
core::Error osv_error(core::Errc code, std::string_view id, core::Loc at,
                      const parse::detail::MessageArgs& args = {});

}  // namespace ecsguard::vuln
