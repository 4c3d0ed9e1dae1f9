/**
 * Limits on what an import accepts. The clinic sets the file size (Photos settings); the
 * ceilings here hold whatever the setting says, at the bridge and in the worker.
 */
export const defaultMaxFileSizeMb = 60;
export const maxFileSizeMbCeiling = 200;
export const bytesPerMb = 1024 * 1024;

/**
 * sharp refuses to decode more pixels than this: a small file claiming 50,000 x 50,000 is a
 * decompression bomb. 50 megapixels is above a clinic's cameras and phones (12-48 MP) and keeps
 * one decode to a few hundred MB.
 */
export const maxInputPixels = 50_000_000;

/** How many files one photos.import call carries; the window sends a large folder in several calls. */
export const maxFilesPerImport = 50;
/** The bytes one photos.import call carries in total. */
export const maxBytesPerImport = 600 * bytesPerMb;

/** Long edge of the preview (compare, full screen) and of the gallery thumbnail, in pixels. */
export const previewLongEdge = 1600;
export const thumbnailLongEdge = 320;
