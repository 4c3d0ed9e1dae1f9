/**
 * Where a session treats, as the face map and body list show it. Depths are the clinic's
 * editable defaults (seeded from typical published ranges); above an area's maximum the
 * practitioner is asked to confirm, never blocked by code.
 */
export const faceAreas = [
  'forehead',
  'glabella',
  'periorbital-left',
  'periorbital-right',
  'cheek-left',
  'cheek-right',
  'nose',
  'upper-lip',
  'perioral',
  'chin',
  'jawline-left',
  'jawline-right',
  'neck',
  'decolletage',
] as const;

export const bodyAreas = ['abdomen', 'thighs', 'buttocks', 'upper-arms', 'breasts', 'back', 'hips'] as const;

export const treatmentAreas = [...faceAreas, ...bodyAreas] as const;
export type TreatmentArea = (typeof treatmentAreas)[number];

/** Each area as a reader says it, for paper and spreadsheets (the screens translate their own). */
export const areaNames: Record<TreatmentArea, string> = {
  forehead: 'Forehead',
  glabella: 'Glabella (between the brows)',
  'periorbital-left': 'Under the left eye',
  'periorbital-right': 'Under the right eye',
  'cheek-left': 'Left cheek',
  'cheek-right': 'Right cheek',
  nose: 'Nose',
  'upper-lip': 'Upper lip',
  perioral: 'Around the mouth',
  chin: 'Chin',
  'jawline-left': 'Left jawline',
  'jawline-right': 'Right jawline',
  neck: 'Neck',
  decolletage: 'Décolletage',
  abdomen: 'Abdomen',
  thighs: 'Thighs',
  buttocks: 'Buttocks',
  'upper-arms': 'Upper arms',
  breasts: 'Breasts',
  back: 'Back',
  hips: 'Hips',
};

export interface AreaDepth {
  area: TreatmentArea;
  /** Usual starting depth, mm. */
  typicalMm: number;
  /** Above this the practitioner confirms the depth, mm. */
  maxMm: number;
}

/** Seed values for the clinic-editable depth table (see shared/domain notes on typical depths). */
export const defaultAreaDepths: readonly AreaDepth[] = [
  { area: 'forehead', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'glabella', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'periorbital-left', typicalMm: 0.2, maxMm: 0.3 },
  { area: 'periorbital-right', typicalMm: 0.2, maxMm: 0.3 },
  { area: 'cheek-left', typicalMm: 0.5, maxMm: 1.0 },
  { area: 'cheek-right', typicalMm: 0.5, maxMm: 1.0 },
  { area: 'nose', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'upper-lip', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'perioral', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'chin', typicalMm: 0.5, maxMm: 1.0 },
  { area: 'jawline-left', typicalMm: 0.5, maxMm: 1.0 },
  { area: 'jawline-right', typicalMm: 0.5, maxMm: 1.0 },
  { area: 'neck', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'decolletage', typicalMm: 0.25, maxMm: 0.5 },
  { area: 'abdomen', typicalMm: 1.5, maxMm: 2.0 },
  { area: 'thighs', typicalMm: 1.5, maxMm: 2.0 },
  { area: 'buttocks', typicalMm: 1.5, maxMm: 2.0 },
  { area: 'upper-arms', typicalMm: 1.5, maxMm: 2.0 },
  { area: 'breasts', typicalMm: 1.0, maxMm: 1.5 },
  { area: 'back', typicalMm: 1.5, maxMm: 2.0 },
  { area: 'hips', typicalMm: 1.5, maxMm: 2.0 },
];

/** Depths above this were not evaluated for safety on a widely used pen: always confirm. */
export const deviceLabelMaxMm = 1.5;

export function depthNeedsConfirmation(depthMm: number, depth: AreaDepth | undefined): boolean {
  return depthMm > (depth?.maxMm ?? deviceLabelMaxMm);
}
