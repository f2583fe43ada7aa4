#pragma once
// Helpers shared by the image layer's checks (IMG-*): reading the shell commands of a RUN and
// naming stages and instructions in findings. Header-only, like checks/container/util.h.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/image.h"

namespace ecsguard::checks::image {

using Words = std::vector<std::string>;

// One simple command of a shell text, its words with quotes removed. `piped` when its output goes
// into the next command through '|'.
struct Command {
  Words words;
  bool piped = false;
};

// The simple commands of `text`: split on newlines, ';', '&&', '||', '|', '(' and ')', outside
// quotes; a backslash-newline joins lines. Good enough for judging what a RUN installs or fetches,
// not a shell.
inline std::vector<Command> commands(std::string_view text) {
  std::vector<Command> out(1);
  std::string word;
  bool in_word = false;
  char quote = 0;
  const auto end_word = [&] {
    if (in_word) out.back().words.push_back(word);
    word.clear();
    in_word = false;
  };
  const auto end_command = [&](bool piped) {
    end_word();
    if (!out.back().words.empty()) {
      out.back().piped = piped;
      out.emplace_back();
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
      continue;
    }
    if (c == '\\' && i + 1 < text.size()) {
      if (text[i + 1] != '\n') {
        word += text[i + 1];
        in_word = true;
      }
      ++i;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
      continue;
    }
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '|' && next != '|') {
      end_command(true);
    } else if ((c == '&' && next == '&') || (c == '|' && next == '|')) {
      end_command(false);
      ++i;
    } else if (c == ';' || c == '\n' || c == '(' || c == ')' || c == '{' || c == '}') {
      end_command(false);
    } else if (c == ' ' || c == '\t' || c == '\r') {
      end_word();
    } else {
      word += c;
      in_word = true;
    }
  }
  end_command(false);
  out.pop_back();
  return out;
}

// The program a command runs: its first word after variable assignments and `sudo`/`env`
// prefixes, without its directory ("/usr/bin/apt-get" -> "apt-get").
inline std::size_t program_index(const Words& w) {
  std::size_t i = 0;
  while (i < w.size() && (w[i].find('=') != std::string::npos || w[i] == "sudo" || w[i] == "env" ||
                          w[i] == "exec" || w[i] == "command" || w[i] == "nohup")) {
    ++i;
  }
  return i;
}

inline std::string_view program(const Words& w) {
  const std::size_t i = program_index(w);
  if (i >= w.size()) return {};
  std::string_view p = w[i];
  if (const auto slash = p.rfind('/'); slash != std::string_view::npos) p.remove_prefix(slash + 1);
  return p;
}

// The words after the program.
inline Words arguments(const Words& w) {
  const std::size_t i = program_index(w);
  return i + 1 < w.size() ? Words(w.begin() + static_cast<std::ptrdiff_t>(i) + 1, w.end())
                          : Words{};
}

inline bool has_word(const Words& w, std::string_view x) {
  for (const auto& s : w) {
    if (s == x) return true;
  }
  return false;
}

// The first argument that is not an option (the sub-command: "install", "add").
inline std::string_view subcommand(const Words& args) {
  for (const auto& a : args) {
    if (!a.starts_with("-")) return a;
  }
  return {};
}

// A short option letter given alone or grouped ("-y", "-qy").
inline bool has_short_flag(const Words& args, char letter) {
  for (const auto& a : args) {
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a.find(letter) != std::string::npos) {
      return true;
    }
  }
  return false;
}

inline bool has_prefix_word(const Words& args, std::string_view prefix) {
  for (const auto& a : args) {
    if (a.starts_with(prefix)) return true;
  }
  return false;
}

// "python -m pip ..." and "pip3" read as pip.
inline bool is_pip(const Command& c) {
  const std::string_view p = program(c.words);
  if (p.starts_with("pip")) return true;
  const Words a = arguments(c.words);
  return p.starts_with("python") && a.size() >= 2 && a[0] == "-m" && a[1].starts_with("pip");
}

// What a RUN runs as one shell text (ONBUILD RUN triggers are not replayed).
inline std::string run_text(const model::DockerInstruction& ins) { return ins.command(); }

// "final stage", "stage 'build'", "stage 2" for messages.
inline std::string stage_label(const model::Dockerfile& df, std::size_t i) {
  const auto& s = df.stages[i];
  if (!s.name.empty()) return "'" + s.name + "'";
  return "#" + std::to_string(i + 1);
}

// "Stages[build].Instructions[3]" (0-based instruction index, FROM is 0): the property of a
// finding about one instruction; never a line number, so fingerprints survive edits above.
inline std::string instruction_path(const model::Dockerfile& df, std::size_t stage,
                                    std::size_t instruction) {
  const auto& s = df.stages[stage];
  return "Stages[" + (s.name.empty() ? "#" + std::to_string(stage + 1) : s.name) +
         "].Instructions[" + std::to_string(instruction) + "]." + s.instructions[instruction].op;
}

// Calls fn(stage index, instruction index, instruction) for every instruction with `op`.
template <class Fn>
void each_instruction(const model::Dockerfile& df, std::string_view op, Fn&& fn) {
  for (std::size_t s = 0; s < df.stages.size(); ++s) {
    const auto& ins = df.stages[s].instructions;
    for (std::size_t i = 0; i < ins.size(); ++i) {
      if (ins[i].op == op) fn(s, i, ins[i]);
    }
  }
}

// Stages whose content ships: the final stage and the stages it is built FROM.
inline std::vector<bool> shipped_stages(const model::Dockerfile& df) {
  std::vector<bool> out(df.stages.size(), false);
  if (df.stages.empty()) return out;
  std::size_t i = df.stages.size() - 1;
  while (true) {
    out[i] = true;
    const auto& p = df.stages[i].parent;
    if (!p || *p >= i || out[*p]) break;
    i = *p;
  }
  return out;
}

// Raw ENV/ARG/LABEL/VOLUME text without its surrounding quotes.
inline std::string unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

// `.run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>`: a check that judges
// both inputs, each Dockerfile and each image archive its own subject and fault boundary.
template <void (*OnDockerfile)(const model::Dockerfile&, engine::CheckContext&),
          void (*OnImage)(const model::ContainerImage&, engine::CheckContext&)>
void dockerfile_and_image(const model::Stack& stack, engine::CheckContext& ctx) {
  for (const auto& df : stack.all<model::Dockerfile>()) {
    ctx.set_subject(df.id);
    ctx.guarded(&df.id, [&] { OnDockerfile(df, ctx); });
  }
  for (const auto& img : stack.all<model::ContainerImage>()) {
    ctx.set_subject(img.id);
    ctx.guarded(&img.id, [&] { OnImage(img, ctx); });
  }
}

}  // namespace ecsguard::checks::image
