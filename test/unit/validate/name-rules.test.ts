import { describe, expect, it } from 'vitest';
import { MAX_FILE_STEM } from '../../../core/names/file-stem.js';
import { messages, natMessages, natNetwork, natRules } from './network-fixture.js';

describe('name, uuid, title', () => {
  it('accepts the sound fixture', () => {
    expect(messages(natNetwork())).toEqual([]);
  });
  it('accepts names libvirt accepts: quotes, spaces, semicolons, UTF-8', () => {
    for (const name of ['default"with"quotes"', 'a b', 'x;y', "it's", 'réseau-ü', 'a'.repeat(200)]) {
      expect(natMessages((d) => (d.name = name))).toEqual([]);
    }
  });
  it.each([
    ['', "network '': <name> (line 1:1) is empty: a network needs a name"],
    ['a/b', "network 'a/b': <name> (line 1:1) may not contain '/'"],
    ['a\nb', "network 'a\\nb': <name> (line 1:1) may not contain a newline"],
    ['a\tb', "network 'a\\tb': <name> (line 1:1) may not contain control characters"],
    ['a\x7fb', "network 'a\\x7fb': <name> (line 1:1) may not contain control characters"],
    ['a\x85b', "network 'a\\x85b': <name> (line 1:1) may not contain control characters"],
    ['.', "network '.': <name> (line 1:1) may not be '.'"],
    ['..', "network '..': <name> (line 1:1) may not be '..'"],
  ])('rejects name %j', (name, message) => {
    expect(natMessages((d) => (d.name = name))).toEqual([message]);
  });
  it.each([
    ['', 'name.empty'],
    ['a/b', 'name.slash'],
    ['a\nb', 'name.control-character'],
    ['a\x85b', 'name.control-character'],
    ['..', 'name.dot'],
    ['é'.repeat(101), 'name.too-long'],
    ['%'.repeat(Math.ceil(MAX_FILE_STEM / 3) + 1), 'name.file-name-too-long'],
  ])('refuses name %j by rule %s', (name, rule) => {
    expect(natRules((d) => (d.name = name))).toEqual([rule]);
  });
  it('names the uuid and title rules', () => {
    expect(natRules((d) => (d.uuid = 'x'))).toEqual(['uuid.invalid']);
    expect(natRules((d) => (d.title = 'a\nb'))).toEqual(['title.newline']);
  });
  it('limits the name to 200 bytes of UTF-8', () => {
    const name = 'é'.repeat(101);
    expect(natMessages((d) => (d.name = name))).toEqual([
      // Quoted values are cut to 64 characters; the Problem's network field keeps the whole name.
      `network '${'é'.repeat(64)}…': <name> (line 1:1) is 202 bytes long; at most 200 bytes (UTF-8) are allowed`,
    ]);
  });
  it('accepts the UUID spellings libvirt accepts', () => {
    for (const uuid of [
      '81FF0D90C91E674264DA4A736EDB9A9B',
      ' 81ff0d90-c91e-6742-64da-4a736edb9a9b\n',
      '81-ff-0d-90-c9-1e-67-42-64-da-4a-73-6e-db-9a-9b',
    ]) {
      expect(natMessages((d) => (d.uuid = uuid))).toEqual([]);
    }
  });
  it.each([
    '81ff0d90-c91e-6742-64da-4a736edb9a9',
    '81ff0d90-c91e-6742-64da-4a736edb9a9bb',
    'x1ff0d90-c91e-6742-64da-4a736edb9a9b',
    '8-1ff0d90c91e674264da4a736edb9a9b',
  ])('rejects uuid %j', (uuid) => {
    expect(natMessages((d) => (d.uuid = uuid))).toEqual([
      `network 'lab': <uuid> (line 1:1) '${uuid}' is not a valid UUID (32 hex digits)`,
    ]);
  });
  it('rejects a title with a newline', () => {
    expect(natMessages((d) => (d.title = 'a\nb'))).toEqual([
      "network 'lab': <title> (line 1:1) may not contain a newline",
    ]);
  });
});
