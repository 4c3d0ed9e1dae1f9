import { Group, Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { treatmentAreas } from '../../../shared/clinical/areas';
import { photoStages, photoViews, type PhotoLabelsInput } from '../../../shared/photos/photo';

const noSession = 'none';

/**
 * View, stage, session (and the area for a close-up, and a note when editing one photo). A
 * close-up without an area is pointed out here, before the main side refuses it.
 */
export function LabelsFields({
  value,
  onChange,
  sessions,
  withNote,
  showErrors,
  inline,
}: {
  value: PhotoLabelsInput;
  onChange: (value: PhotoLabelsInput) => void;
  sessions: { value: string; label: string }[];
  withNote?: boolean;
  showErrors?: boolean;
  /** View, stage and session in one row (a wide dialog) rather than stacked. */
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const closeUp = value.view === 'close-up';
  const areaMissing = closeUp && !value.area;
  const view = (
    <Select
      label={t('photos.labels.view')}
      data={photoViews.map((option) => ({ value: option, label: t(`photos.views.${option}`) }))}
      value={value.view}
      allowDeselect={false}
      onChange={(next) => next && onChange({ ...value, view: next as PhotoLabelsInput['view'], area: next === 'close-up' ? (value.area ?? null) : null })}
    />
  );
  const stage = (
    <Select
      label={t('photos.labels.stage')}
      data={photoStages.map((option) => ({ value: option, label: t(`photos.stages.${option}`) }))}
      value={value.stage}
      allowDeselect={false}
      onChange={(next) => next && onChange({ ...value, stage: next as PhotoLabelsInput['stage'] })}
    />
  );
  const area = closeUp ? (
    <Select
      label={t('photos.labels.area')}
      data={treatmentAreas.map((option) => ({ value: option, label: t(`areas.${option}`) }))}
      value={value.area ?? null}
      onChange={(next) => onChange({ ...value, area: (next as PhotoLabelsInput['area']) ?? null })}
      error={showErrors && areaMissing ? t('validation.required') : undefined}
      searchable
      required
    />
  ) : null;
  const session = (
    <Select
      label={t('photos.labels.session')}
      data={[{ value: noSession, label: t('photos.labels.noSession') }, ...sessions]}
      value={value.sessionId ?? noSession}
      allowDeselect={false}
      onChange={(next) => onChange({ ...value, sessionId: next && next !== noSession ? next : null })}
    />
  );
  const note = withNote ? (
    <Textarea label={t('photos.labels.note')} value={value.note ?? ''} onChange={(event) => onChange({ ...value, note: event.currentTarget.value })} autosize minRows={2} maxLength={1000} />
  ) : null;

  if (inline) {
    return (
      <>
        <Group grow align="flex-start" wrap="nowrap">
          {view}
          {stage}
          {session}
        </Group>
        {area}
        {note}
      </>
    );
  }
  return (
    <>
      <Group grow align="flex-start">
        {view}
        {stage}
      </Group>
      {area}
      {session}
      {note}
    </>
  );
}

/** Whether the labels can be sent (a close-up names its area). */
export function labelsComplete(value: PhotoLabelsInput): boolean {
  return value.view !== 'close-up' || Boolean(value.area);
}
