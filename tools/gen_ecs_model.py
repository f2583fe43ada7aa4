#!/usr/bin/env python3
"""Generates src/ecsguard/parse/ecs_model/shapes.gen.inc: the ECS API shapes that
RegisterTaskDefinition takes, for CTR-018 ("ECS accepts this task definition").

Sources, both npm packages installed into a cache folder (never into the project):
  * aws-sdk (v2) apis/ecs-2014-11-13.min.json: the shapes (structure / list / map, scalar types,
    required members). The minified model carries no enums, lengths or patterns.
  * @aws-sdk/client-ecs (v3) dist-types/models/*.d.ts: the enums (the member's declared type names
    an `export declare const X: { readonly A: "a"; ... }` of enums.d.ts). The v3 interfaces are
    walked in parallel with the v2 shapes by member name; the v2 model decides the shape.
Only the shapes reachable from RegisterTaskDefinitionRequest are written.

  tools/gen_ecs_model.py [--npm-dir DIR] [--out FILE] [--check]
    --npm-dir  the npm cache folder ($ECSGUARD_NPM_DIR, else ~/.cache/ecsguard-npm); install with
               npm install --prefix DIR aws-sdk@2 @aws-sdk/client-ecs (the versions the
               generated file names, to reproduce it; the newest, to update it)
    --check    compare with FILE instead of writing it (exit 1 when it differs; 77 when the
               packages are not installed, or are other versions than FILE names)
python3 stdlib only.
"""
import argparse
import json
import os
import re
import sys

ROOT = 'RegisterTaskDefinitionRequest'
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'ecsguard',
                           'parse', 'ecs_model', 'shapes.gen.inc')
KINDS = {'string': 'kString', 'integer': 'kInteger', 'long': 'kInteger', 'boolean': 'kBoolean',
         'double': 'kNumber', 'float': 'kNumber', 'timestamp': 'kString', 'blob': 'kString',
         'structure': 'kStructure', 'list': 'kList', 'map': 'kMap'}


def npm_dir(arg):
    if arg:
        return arg
    if os.environ.get('ECSGUARD_NPM_DIR'):
        return os.environ['ECSGUARD_NPM_DIR']
    cache = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(cache, 'ecsguard-npm')


def package_version(path):
    with open(os.path.join(path, 'package.json'), encoding='utf-8') as f:
        return json.load(f)['version']


def read_v3_types(client_dir):
    """interfaces: name -> {member: type text}; enums: name -> [values]."""
    interfaces, enums = {}, {}
    models = os.path.join(client_dir, 'dist-types', 'models')
    for name in sorted(os.listdir(models)):
        if not name.endswith('.d.ts'):
            continue
        with open(os.path.join(models, name), encoding='utf-8') as f:
            text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
        for m in re.finditer(r'export interface (\w+) \{(.*?)\n\}', text, re.S):
            members = {}
            for mm in re.finditer(r'^\s*(\w+)\??: (.+?);\s*$', m.group(2), re.M):
                members[mm.group(1)] = mm.group(2).replace(' | undefined', '').strip()
            interfaces[m.group(1)] = members
        for m in re.finditer(r'export declare const (\w+): \{(.*?)\};', text, re.S):
            values = re.findall(r'readonly \w+: "([^"]*)";', m.group(2))
            if values:
                enums[m.group(1)] = values
    return interfaces, enums


class Builder:
    def __init__(self, shapes, interfaces, enums):
        self.shapes, self.interfaces, self.enums = shapes, interfaces, enums
        self.table = []      # (kind, name, members, element, enum values)
        self.index = {}      # key -> index
        self.members = []    # (name, shape index, required)
        self.enum_values = []

    def resolve(self, ref):
        seen = 0
        while 'shape' in ref:
            ref = self.shapes[ref['shape']]
            seen += 1
            if seen > 100:
                raise SystemExit('shape reference cycle')
        return ref

    def v3_parts(self, text):
        """-> (kind hint, inner type text or interface/enum name)."""
        if text is None:
            return None, None
        if text.endswith('[]'):
            return 'list', text[:-2]
        m = re.fullmatch(r'Record<string, (.+)>', text)
        if m:
            return 'map', m.group(1)
        return 'named', text

    def add(self, ref, v3, depth=0):
        if depth > 64:
            raise SystemExit('model nesting deeper than 64')
        shape = self.resolve(ref)
        kind = KINDS[shape.get('type', 'string')]
        hint, inner = self.v3_parts(v3)
        name, members, element, values = '', (), -1, ()
        if kind == 'kStructure':
            iface = self.interfaces.get(inner) if hint == 'named' else None
            name = inner if iface is not None else ''
            required = set(shape.get('required', []))
            out = []
            for member, mref in shape.get('members', {}).items():
                child_v3 = iface.get(member) if iface else None
                out.append((member, self.add(mref, child_v3, depth + 1), member in required))
            members = tuple(out)
        elif kind == 'kList':
            element = self.add(shape['member'], inner if hint == 'list' else None, depth + 1)
        elif kind == 'kMap':
            element = self.add(shape['value'], inner if hint == 'map' else None, depth + 1)
        elif kind == 'kString' and hint == 'named' and inner in self.enums:
            name, values = inner, tuple(self.enums[inner])
        key = (kind, name, members, element, values)
        if key not in self.index:
            self.index[key] = len(self.table)
            self.table.append(key)
        return self.index[key]


def cpp_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def render(b, root, sources):
    lines = ['// Generated by tools/gen_ecs_model.py: do not edit. Regenerate with',
             '//   npm install --prefix ~/.cache/ecsguard-npm aws-sdk@2 @aws-sdk/client-ecs',
             '//   tools/gen_ecs_model.py',
             '// Sources: ' + sources,
             '// Shapes reachable from ' + ROOT + ' (shape, required, list vs structure: v2 model;',
             '// enums: v3 type declarations). The models carry no lengths or patterns.',
             '// NOLINTBEGIN',
             'inline constexpr std::string_view kModelSources = ' + cpp_string(sources) + ';',
             '']
    members, values = [], []
    shape_rows = []
    for kind, name, mems, element, vals in b.table:
        first_member = len(members)
        for mname, idx, req in mems:
            members.append('    {%s, %d, %s},' % (cpp_string(mname), idx, 'true' if req else 'false'))
        first_value = len(values)
        values.extend('    ' + cpp_string(v) + ',' for v in vals)
        shape_rows.append('    {Kind::%s, %s, %d, %d, %d, %d, %d},' % (
            kind, cpp_string(name), first_member if mems else 0, len(mems), element,
            first_value if vals else 0, len(vals)))
    lines.append('inline constexpr Member kMembers[] = {')
    lines.extend(members)
    lines.append('};')
    lines.append('inline constexpr std::string_view kEnumValues[] = {')
    lines.extend(values)
    lines.append('};')
    lines.append('// {kind, name, first member, member count, element (list/map value), first enum')
    lines.append('//  value, enum value count}')
    lines.append('inline constexpr Shape kShapes[] = {')
    lines.extend(shape_rows)
    lines.append('};')
    lines.append('inline constexpr int kRootShape = %d;' % root)
    lines.append('// NOLINTEND')
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--npm-dir')
    ap.add_argument('--out', default=DEFAULT_OUT)
    ap.add_argument('--check', action='store_true')
    args = ap.parse_args()
    base = os.path.join(npm_dir(args.npm_dir), 'node_modules')
    v2_dir = os.path.join(base, 'aws-sdk')
    v3_dir = os.path.join(base, '@aws-sdk', 'client-ecs')
    model_path = os.path.join(v2_dir, 'apis', 'ecs-2014-11-13.min.json')
    if not os.path.exists(model_path) or not os.path.isdir(os.path.join(v3_dir, 'dist-types')):
        print('skipped: aws-sdk and @aws-sdk/client-ecs are not installed in ' + base,
              file=sys.stderr)
        return 77
    with open(model_path, encoding='utf-8') as f:
        model = json.load(f)
    interfaces, enums = read_v3_types(v3_dir)
    b = Builder(model['shapes'], interfaces, enums)
    op = model['operations']['RegisterTaskDefinition']
    root = b.add(op['input'], ROOT)
    sources = 'npm aws-sdk@%s apis/ecs-2014-11-13.min.json; npm @aws-sdk/client-ecs@%s' % (
        package_version(v2_dir), package_version(v3_dir))
    text = render(b, root, sources)
    if args.check:
        with open(args.out, encoding='utf-8') as f:
            current = f.read()
        if ('// Sources: ' + sources + '\n') not in current:
            print('skipped: the npm cache holds other versions (%s) than %s was made from'
                  % (sources, args.out), file=sys.stderr)
            return 77
        if current != text:
            print(args.out + ' is not current: run tools/gen_ecs_model.py', file=sys.stderr)
            return 1
        return 0
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
