import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { SeededRandom } from '../../main/demo/seeded-random';
import { answerText, renderConsentPdf, type ConsentPdfInput } from '../../main/pdf/consent-pdf';
import { fontPaths } from '../../main/pdf/fonts';
import { pdfkitPaper } from '../../main/pdf/paper';
import { formatInstant } from '../../main/pdf/pdf-dates';
import { previewLongEdge, thumbnailLongEdge } from '../../shared/photos/limits';
import { parseCanonicalForm } from '../../shared/consents/form-hash';
import { benchJpegs } from './bench-photos';
import { encryptedStore, type BenchStore } from './bench-stores';
import { microneedlingForm } from '../support/consent-forms';
import { pairedEachAsync } from './measure';
import { pairedRow, type Row } from './bench-row';

/** Repetitions per row; each side of a row runs as often as the other, interleaved. */
export interface MediaScale {
  pdfRuns: number;
  importRuns: number;
  compareRuns: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function pageCount(pdf: Uint8Array): number {
  // pdfkit writes each page object in the clear (only content streams are compressed).
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
}

/**
 * The consent PDF, photo import and compare rows, on a fresh small encrypted store of their own
 * (not the 100,000-client one), so they measure the work and not the seeding before it.
 */
export async function measureMediaRows(root: string, scale: MediaScale, wants: (row: string) => boolean, log: (text: string) => void): Promise<Row[]> {
  const folder = join(root, 'media');
  const store = await encryptedStore(folder);
  const rows: Row[] = [];
  try {
    if (wants('consent PDF')) rows.push(await consentPdfRow(store, scale.pdfRuns, log));
    if (wants('photo import') || wants('compare')) {
      log('bench: making a 24-megapixel JPEG (6000×4000, gradient and noise, quality 90, EXIF orientation 6)');
      const photos = await benchJpegs();
      // The compare photos go in first: their imports start the worker, so no import row run pays for that.
      const compare = await importComparePair(store, photos);
      if (wants('photo import')) rows.push(await photoImportRow(store, photos.first, scale.importRuns, log));
      if (wants('compare')) rows.push(await compareRow(store, compare, join(root, 'compare-plain'), scale.compareRuns, log));
    }
  } finally {
    await store.services.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

/**
 * A signed microneedling consent as the app makes it: signed through services.consents.sign
 * (client and practitioner signatures, initials on every risk section), then the render of that
 * stored form timed, as the signing path and the determinism test call it. Signing has already
 * rendered one, so the fonts are parsed, as for every consent after the first since the app
 * started. The baseline is bare pdfkit setting the same words in the same embedded fonts, flowing
 * them down the pages with its own line breaking, with the same PNGs (signatures and initials)
 * and the same footers.
 */
async function consentPdfRow(store: BenchStore, runs: number, log: (text: string) => void): Promise<Row> {
  log(`bench: consent PDF, ${runs} renders each side`);
  const { services, staffId } = store;
  const random = new SeededRandom(2026);
  const client = services.clients.create(staffId, { firstName: 'Zoë', lastName: 'Nguyễn Кузнецова', dateOfBirth: '1990-04-01' });
  const template = services.consentTemplates.get('microneedling', null);
  // Client and practitioner sign; no witness: the "two signatures".
  const filled = await microneedlingForm(services, random, 'Filler in the chin 3 weeks ago', { witness: false });
  const signed = await services.consents.sign(staffId, client.id, null, filled);
  const row = services.db.prepare('SELECT form_json, form_sha256 FROM consent WHERE id = ?').get(signed.id) as { form_json: string; form_sha256: string };
  const settings = services.settings.get();
  const input: ConsentPdfInput = {
    clinic: { name: settings.clinicName, address: settings.clinicAddress, phone: settings.clinicPhone, logo: settings.logo },
    paperSize: settings.paperSize,
    dateFormat: settings.dateFormat,
    client: { name: `${client.firstName} ${client.lastName}`, dateOfBirth: client.dateOfBirth },
    template,
    form: parseCanonicalForm(row.form_json),
    formSha256: row.form_sha256,
  };
  const stored = services.consents.pdf(staffId, signed.id).bytes;
  const bare = bareConsentSource(input);
  let oursPages = 0;
  let barePages = 0;
  const timing = await pairedEachAsync(
    runs,
    3,
    async () => {
      const pdf = await renderConsentPdf(input);
      oursPages = pageCount(pdf);
    },
    async () => {
      const pdf = await bareConsentPdf(input, bare);
      barePages = pageCount(pdf);
    },
  );
  if (pageCount(stored) !== oursPages) throw new Error(`the timed render has ${oursPages} pages, the stored PDF ${pageCount(stored)}`);
  return pairedRow(
    'consent PDF',
    `render the stored signed microneedling consent (${oursPages} pages, ${input.form.signatures.map((signature) => signature.role).join(' + ')} signatures, ${Object.keys(input.form.initials).length} initials, DejaVu Sans regular and bold embedded, PDF/A-2b; warm: earlier consents in the process); baseline bare pdfkit as a competent user calls it: same words, the two fonts parsed once (fontkit) and handed to every document, the same ink PNGs handed over as bytes each document as ours does, flowed, PDF/A-2b too (${barePages} pages)`,
    timing,
    'p95 ≤ 100 ms and ≤ 1.3× bare pdfkit',
    timing.ours.p95Ms <= 100 && timing.ratio.median <= 1.3,
  );
}

interface BareSource {
  blocks: { text: string; bold: boolean; size: number }[];
  images: Uint8Array[];
  footer: string;
  /** The two faces, parsed once by fontkit (pdfkit's own parser), as a user who makes many PDFs keeps them. */
  fonts: { regular: object; bold: object };
}

/** fontkit ships with pdfkit and has no typings of its own; only create() is used. */
const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Uint8Array): object };

/** Every word the consent PDF sets, in reading order, and its images: prepared once, outside the timing. */
function bareConsentSource(input: ConsentPdfInput): BareSource {
  const { template, form } = input;
  const blocks: BareSource['blocks'] = [];
  const add = (text: string, bold = false, size = 9.5) => blocks.push({ text, bold, size });
  add(input.clinic.name, true, 14);
  add([input.clinic.address, input.clinic.phone].filter(Boolean).join(' · '), false, 8.5);
  add(template.content.title, true, 16);
  add(`Template version ${template.version.major}.${template.version.minor} · signed ${formatInstant(form.signedAt, input.dateFormat)}`, false, 8.5);
  add(`Client ${input.client.name}`, true, 10.5);
  if (input.client.dateOfBirth) add(`Date of birth ${input.client.dateOfBirth}`, false, 10.5);
  if (template.content.summary) add(template.content.summary, false, 8.5);
  for (const section of template.content.sections) {
    add(section.title, true, 11.5);
    if (section.initials) add('Initials', false, 6.5);
    for (const block of section.body) {
      const paragraphs = block.kind === 'paragraph' ? [block.spans] : block.items;
      for (const spans of paragraphs) add(`${block.kind === 'bullets' ? '• ' : ''}${spans.map((span) => span.text).join('')}`);
    }
    for (const question of section.questions) {
      add(question.label, false, 9);
      add(`Answer ${answerText(question, form.answers[question.id] ?? null, input.dateFormat)}`, true, 9.5);
    }
    if (section.photography) {
      for (const key of ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const) add(`${form.photography?.[key] ? '☑ Yes' : '☐ No'} ${section.photography[key]}`);
    }
  }
  add('Signatures', true, 12);
  for (const signature of form.signatures) {
    add(signature.role.toUpperCase(), true, 8);
    add(signature.name, true, 10.5);
    add(`Signed ${formatInstant(signature.signedAt, input.dateFormat)}`, false, 8.5);
    add(template.content.signatures[signature.role], false, 8.5);
  }
  add(`Verification: form hash ${input.formSha256.slice(0, 16)} (SHA-256 of the signed answers, initials, signatures and template version). Signed on ${form.deviceName}.`, false, 7.5);
  const images = [...Object.values(form.initials).map((ink) => ink.png), ...form.signatures.map((signature) => signature.ink.png)];
  const paths = fontPaths();
  const fonts = { regular: fontkit.create(readFileSync(paths.regular)), bold: fontkit.create(readFileSync(paths.bold)) };
  return { blocks, images, footer: `${template.content.title} · version ${template.version.major}.${template.version.minor} · document ${form.consentId}`, fonts };
}

/**
 * What pdfkit alone does with the same content: default text flow, automatic page breaks, the
 * two fonts parsed once and registered in each document (pdfkit takes a parsed fontkit face
 * wherever it takes a file), the ink PNGs handed over as bytes in each document (pdfkit decodes
 * them per document, as it does ours), and the same archival format as ours (PDF/A-2b: sRGB
 * output intent and XMP metadata, which cost pdfkit next to nothing).
 */
function bareConsentPdf(input: ConsentPdfInput, source: BareSource): Promise<Buffer> {
  const doc = new PDFDocument({
    size: pdfkitPaper[input.paperSize],
    margins: { top: 48, bottom: 60, left: 48, right: 48 },
    bufferPages: true,
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
  });
  // Its typings list only file names; the face object is what pdfkit makes of one.
  doc.registerFont('regular', source.fonts.regular as unknown as string);
  doc.registerFont('bold', source.fonts.bold as unknown as string);
  const fonts = { regular: 'regular', bold: 'bold' };
  doc.font(fonts.regular);
  const [initialsImages, signatureImages] = [source.images.slice(0, -2), source.images.slice(-2)];
  let initialsIndex = 0;
  for (const block of source.blocks) {
    doc
      .font(block.bold ? fonts.bold : fonts.regular)
      .fontSize(block.size)
      .text(block.text);
    if (block.text === 'Initials' && initialsIndex < initialsImages.length) doc.image(Buffer.from(initialsImages[initialsIndex++]!), { fit: [80, 27] });
    if (block.text === 'CLIENT' || block.text === 'PRACTITIONER') doc.image(Buffer.from(signatureImages[block.text === 'CLIENT' ? 0 : 1]!), { fit: [182, 54] });
  }
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    doc
      .font(fonts.regular)
      .fontSize(7)
      .text(`${source.footer}    Page ${index + 1} of ${range.count}`, 48, doc.page.height - 36, { lineBreak: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * services.photos.import of one 24-megapixel JPEG, from the bytes in memory to its row: the
 * worker (metadata, decode with orientation, strip, original re-encoded as a quality-95 4:4:4
 * JPEG, 1600 px preview, 320 px thumbnail, four hashes), three files sealed and fsynced, the row
 * and its audit row. A new client each time, so the duplicate check never refuses it. Baseline:
 * sharp alone in this thread making the same three outputs from the same bytes, one pipeline each
 * (rotate, then the original re-encoded at quality 95 4:4:4, and the two resizes at quality 85).
 */
async function photoImportRow(store: BenchStore, jpeg: Buffer, runs: number, log: (text: string) => void): Promise<Row> {
  log(`bench: photo import of a ${(jpeg.length / 1048576).toFixed(1)} MB JPEG, ${runs} runs each side`);
  const { services, staffId } = store;
  const bytes = new Uint8Array(jpeg);
  // No warm-up round: each is seconds long, and the worker and libvips are already running.
  const timing = await pairedEachAsync(
    runs,
    0,
    async (i) => {
      // Creating the client is a few hundred microseconds next to seconds of image work.
      const client = services.clients.create(staffId, { firstName: 'Import', lastName: `Bench ${i + 10}`, dateOfBirth: '1985-01-01' }, { allowDuplicate: true });
      const [result] = await services.photos.import(staffId, {
        clientId: client.id,
        override: { reason: 'Bench photos, no consent' },
        labels: { view: 'front', stage: 'before' },
        files: [{ fileName: 'bench.jpg', bytes, source: 'file' }],
      });
      if (result?.outcome !== 'imported') throw new Error(`the bench photo was not imported: ${JSON.stringify(result)}`);
      await nextTurn();
    },
    async () => {
      await sharp(jpeg).rotate().jpeg({ quality: 95, chromaSubsampling: '4:4:4', optimiseCoding: false }).toBuffer();
      for (const edge of [previewLongEdge, thumbnailLongEdge]) await sharp(jpeg).rotate().resize({ width: edge, height: edge, fit: 'inside' }).jpeg({ quality: 85 }).toBuffer();
    },
  );
  return pairedRow(
    'photo import',
    `services.photos.import of one 24 MP JPEG (${(jpeg.length / 1048576).toFixed(1)} MB, EXIF orientation 6): in the photo process (its own OS process, started once), decode + orient + strip, original re-encoded (q95 4:4:4, standard Huffman tables), ${previewLongEdge} px preview + ${thumbnailLongEdge} px thumbnail (q85), hashes, 3 files sealed + fsynced, row + audit; bytes to and from that process, baseline sharp alone in this thread: rotate + the same original re-encode and two resizes, one pipeline each`,
    timing,
    '≤ 1.3× sharp alone',
    timing.ratio.median <= 1.3,
  );
}

/**
 * The compare view's fetch: two previews through services.photos.view (row read, file read,
 * AES-GCM open, audit row and its anchor), against reading two plain files of the same sizes.
 */
/** A before and an after photo of one client, for the compare row. */
async function importComparePair(store: BenchStore, photos: { first: Buffer; second: Buffer }): Promise<string[]> {
  const { services, staffId } = store;
  const client = services.clients.create(staffId, { firstName: 'Compare', lastName: 'Bench', dateOfBirth: '1985-01-01' }, { allowDuplicate: true });
  const ids: string[] = [];
  for (const [stage, jpeg] of [
    ['before', photos.first],
    ['after', photos.second],
  ] as const) {
    const [result] = await services.photos.import(staffId, {
      clientId: client.id,
      override: { reason: 'Bench photos, no consent' },
      labels: { view: 'front', stage },
      files: [{ fileName: `${stage}.jpg`, bytes: new Uint8Array(jpeg), source: 'file' }],
    });
    if (result?.outcome !== 'imported') throw new Error(`the compare photo was not imported: ${JSON.stringify(result)}`);
    ids.push(result.photo.id);
  }
  return ids;
}

async function compareRow(store: BenchStore, ids: string[], plainFolder: string, runs: number, log: (text: string) => void): Promise<Row> {
  log(`bench: compare, ${runs} pairs of previews each side`);
  const { services, staffId } = store;
  mkdirSync(plainFolder, { recursive: true });
  const plainFiles = ids.map((id, index) => {
    const path = join(plainFolder, `preview-${index}.jpg`);
    writeFileSync(path, services.photos.previewBytes(id));
    return path;
  });
  const sizesKb = plainFiles.map((path) => Math.round(readFileSync(path).length / 1024));
  try {
    const timing = await pairedEachAsync(
      runs,
      5,
      async () => {
        for (const id of ids) services.photos.view(staffId, id, 'preview');
        await nextTurn();
      },
      async () => {
        for (const path of plainFiles) readFileSync(path);
        await nextTurn();
      },
    );
    return pairedRow(
      'compare',
      `fetch two previews for the compare view (services.photos.view ×2: row, read, AES-GCM open, audit row; ${sizesKb.join(' + ')} KB) vs reading two plain files of those sizes`,
      timing,
      '—',
      null,
    );
  } finally {
    rmSync(plainFolder, { recursive: true, force: true });
  }
}
