import type { SecretariatService } from '../api.js';
import type { Ctx } from '../context.js';
import { storeService } from '../store-service.js';
import { bundleMethods } from './bundles.js';
import { editionMethods } from './editions.js';
import { materialMethods } from './materials.js';
import { packageMethods } from './packages.js';
import { panelMethods } from './panels.js';
import { peopleMethods } from './people.js';
import { resultMethods } from './results.js';

export function secretariatService(ctx: Ctx): SecretariatService {
  return {
    ...storeService(ctx),
    ...editionMethods(ctx),
    ...peopleMethods(ctx),
    ...panelMethods(ctx),
    ...materialMethods(ctx),
    ...packageMethods(ctx),
    ...bundleMethods(ctx),
    ...resultMethods(ctx),
  };
}
