#pragma once
// Messages of the image archive reader, in English and Japanese (named arguments).
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/parse/detail/message_table.h"

namespace ecsguard::parse::image {

inline constexpr detail::MessageText kMessages[] = {
    // Entries (diagnostics; the entry is skipped unless said otherwise).
    {"image.path-traversal", "layer {layer}: entry '{path}' leaves the image root (..); skipped",
     "レイヤー {layer}: エントリ '{path}' "
     "はイメージのルートの外を指しています（..）。読み飛ばしました"},
    {"image.absolute-path", "layer {layer}: entry '{path}' has an absolute path; skipped",
     "レイヤー {layer}: エントリ '{path}' が絶対パスです。読み飛ばしました"},
    {"image.hardlink-outside",
     "layer {layer}: hard link '{path}' points to '{target}', which is not in the image; skipped",
     "レイヤー {layer}: ハードリンク '{path}' のリンク先 '{target}' "
     "がイメージ内にありません。読み飛ばしました"},
    {"image.symlink-outside",
     "layer {layer}: symbolic link '{path}' points outside the image root ('{target}')",
     "レイヤー {layer}: シンボリックリンク '{path}' "
     "がイメージのルートの外（'{target}'）を指しています"},
    {"image.whiteout-missing",
     "layer {layer}: whiteout '{path}' removes '{target}', which no lower layer has",
     "レイヤー {layer}: ホワイトアウト '{path}' が削除する '{target}' は下位レイヤーにありません"},
    {"image.kept-limit", "layer {layer}: content of '{path}' not kept (over {limit} bytes kept)",
     "レイヤー {layer}: '{path}' の内容は保持していません（保持できる上限 {limit} "
     "バイトを超えます）"},
    // Errors (the image is not read).
    {"image.archive-error", "cannot read {what}: {reason}", "{what} を読み込めません: {reason}"},
    {"image.not-an-image",
     "'{path}' is neither a docker save archive nor an OCI image layout (no manifest.json or "
     "index.json)",
     "'{path}' は docker save のアーカイブでも OCI イメージレイアウトでもありません（manifest.json "
     "も "
     "index.json もありません）"},
    {"image.bad-json", "{what} is not valid: {reason}", "{what} が正しくありません: {reason}"},
    {"image.missing-blob", "blob '{name}' named by the manifest is not in the image",
     "マニフェストが参照する blob '{name}' がイメージ内にありません"},
    {"image.bad-digest", "digest '{digest}' is not a sha256 digest",
     "ダイジェスト '{digest}' は sha256 ダイジェストではありません"},
    {"image.limit-layers", "more than {limit} layers", "レイヤー数が上限の {limit} を超えています"},
    {"image.limit-entries", "more than {limit} entries in the image's layers",
     "レイヤーのエントリ数が上限の {limit} を超えています"},
    {"image.limit-layer-bytes", "layer {layer} is larger than {limit} bytes uncompressed",
     "レイヤー {layer} の展開後のサイズが上限の {limit} バイトを超えています"},
    {"image.limit-entry-bytes", "layer {layer}: entry '{path}' is larger than {limit} bytes",
     "レイヤー {layer}: エントリ '{path}' が上限の {limit} バイトを超えています"},
    {"image.limit-ratio",
     "layer {layer} expands more than {limit} times its compressed size (a decompression bomb?)",
     "レイヤー {layer} が圧縮サイズの {limit} "
     "倍を超えて展開されます（解凍爆弾の可能性があります）"},
    {"image.limit-json", "{what} is larger than {limit} bytes",
     "{what} が上限の {limit} バイトを超えています"},
};

core::Error image_error(core::Errc code, std::string_view id, const detail::MessageArgs& args);

}  // namespace ecsguard::parse::image
