import { join } from 'node:path';

/** The three files of a photo: what was imported (oriented, metadata stripped), ~1600 px and ~320 px. */
export const photoFileKinds = ['original', 'preview', 'thumb'] as const;
export type PhotoFileKind = (typeof photoFileKinds)[number];

export const photosFolderName = 'photos';

/** A photo id names files on disk, so only the ids SkinLedger makes (UUIDs) are accepted. */
const photoIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isPhotoId(id: string): boolean {
  return photoIdPattern.test(id);
}

/**
 * photos/<first two hex digits>/<id>.<kind>: 256 sub-folders keep each folder small for a
 * clinic with tens of thousands of photos. The name says nothing about the client.
 */
export function photoFilePath(dataDir: string, id: string, kind: PhotoFileKind): string {
  if (!isPhotoId(id)) throw new Error('Not a photo id');
  return join(dataDir, photosFolderName, id.slice(0, 2), `${id}.${kind}`);
}

/** The associated data sealed with each file: a file moved to another photo's or kind's name fails to open. */
export function photoFileContext(id: string, kind: PhotoFileKind): string {
  return `skinledger-photo-file:v1:${id}:${kind}`;
}
