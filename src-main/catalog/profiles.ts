import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PingshenError } from '../domain/errors.js';
import { invalidProfile, parseProfile } from '../profile/parse.js';
import type { Profile } from '../profile/schema.js';
import { resourcePath } from './resources.js';

function loadProfileFile(path: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw invalidProfile(path, [{ zh: `无法读取或不是有效的 JSON（${String(e)}）`, en: `unreadable or not valid JSON (${String(e)})` }]);
  }
  const profile = parseProfile(json, path);
  const expected = basename(path, '.json');
  if (profile.id !== expected) {
    throw invalidProfile(path, [
      { zh: `文件名为 ${expected}，而规则编号为 ${profile.id}`, en: `the file is named ${expected} but the profile id is ${profile.id}` },
    ]);
  }
  return profile;
}

/** The five regulations shipped in resources/profiles, sorted by id. */
export function builtInProfiles(): Profile[] {
  const dir = resourcePath('profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadProfileFile(join(dir, f)));
}

export function getProfile(id: string): Profile {
  const all = builtInProfiles();
  const profile = all.find((p) => p.id === id);
  if (!profile) {
    const known = all.map((p) => p.id).join(', ');
    throw new PingshenError(
      'profile.not-found',
      { zh: `没有编号为“${id}”的评审规则。可用：${known}。`, en: `No profile with id "${id}". Available: ${known}.` },
      { id },
    );
  }
  return profile;
}
