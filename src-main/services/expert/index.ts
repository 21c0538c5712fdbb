import type { ExpertService } from '../api.js';
import type { Ctx } from '../context.js';
import { storeService } from '../store-service.js';
import { expertBundleMethods } from './bundles.js';
import { declarationMethods } from './declarations.js';
import { expertMaterialMethods } from './materials.js';
import { expertPackageMethods } from './packages.js';
import { scoringMethods } from './scoring.js';

export function expertService(ctx: Ctx): ExpertService {
  return {
    ...storeService(ctx),
    ...expertPackageMethods(ctx),
    ...declarationMethods(ctx),
    ...expertMaterialMethods(ctx),
    ...scoringMethods(ctx),
    ...expertBundleMethods(ctx),
  };
}
