import type { CriteriaFramework, CriteriaItem } from './schema.js';

/** Every scored item, in the framework's order, with the code of its category. */
export function allItems(framework: CriteriaFramework): (CriteriaItem & { categoryCode: string })[] {
  return framework.categories.flatMap((cat) => cat.items.map((item) => ({ ...item, categoryCode: cat.code })));
}

/** The scored items' codes, in the framework's order. */
export function itemCodes(framework: CriteriaFramework): string[] {
  return framework.categories.flatMap((cat) => cat.items.map((item) => item.code));
}

const codeSets = new WeakMap<CriteriaFramework, ReadonlySet<string>>();

/** The same codes as a set, kept per framework object: the save path asks on every keystroke. */
export function itemCodeSet(framework: CriteriaFramework): ReadonlySet<string> {
  let codes = codeSets.get(framework);
  if (!codes) {
    codes = new Set(itemCodes(framework));
    codeSets.set(framework, codes);
  }
  return codes;
}
