// The byte caps of upload routes, from the domain's hard attachment limits: a file part is cut off
// one byte past the largest kind's cap (20 MiB for PDF), and a request carries at most the most
// files any service accepts. The staging directory is `.incoming` inside the files directory.
import { join } from 'node:path';
import { ATTACHMENT_HARD_LIMITS } from '@layanan/domain/services';
import type { GatewayConfig } from '../../app/config.js';
import type { MultipartLimits } from './multipart.js';

/** Where and how much the upload routes stage (the text fields keep the general body limit). */
export function uploadStaging(config: GatewayConfig): Omit<MultipartLimits, 'maxFieldBytes'> {
  return {
    dir: join(config.filesDir, '.incoming'),
    maxFileBytes: Math.max(ATTACHMENT_HARD_LIMITS.maxBytes, ATTACHMENT_HARD_LIMITS.maxPhotoBytes),
    maxFiles: ATTACHMENT_HARD_LIMITS.maxCount,
  };
}
