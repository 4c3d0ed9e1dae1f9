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
}: {
  value: PhotoLabelsInput;
  onChange: (value: PhotoLabelsInput) => void;
  sessions: { value: string; label: string }[];
  withNote?: boolean;
  showErrors?: boolean;
}) {
  const { t } = useTranslation();
  const closeUp = value.view === 'close-up';
  const areaMissing = closeUp && !value.area;
  return (
    <>
      <Group grow align="flex-start">
        <Select
          label={t('photos.labels.view')}
          data={photoViews.map((view) => ({ value: view, label: t(`photos.views.${view}`) }))}
          value={value.view}
          allowDeselect={false}
          onChange={(view) => view && onChange({ ...value, view: view as PhotoLabelsInput['view'], area: view === 'close-up' ? (value.area ?? null) : null })}
        />
        <Select
          label={t('photos.labels.stage')}
          data={photoStages.map((stage) => ({ value: stage, label: t(`photos.stages.${stage}`) }))}
          value={value.stage}
          allowDeselect={false}
          onChange={(stage) => stage && onChange({ ...value, stage: stage as PhotoLabelsInput['stage'] })}
        />
      </Group>
      {closeUp ? (
        <Select
          label={t('photos.labels.area')}
          data={treatmentAreas.map((area) => ({ value: area, label: t(`areas.${area}`) }))}
          value={value.area ?? null}
          onChange={(area) => onChange({ ...value, area: (area as PhotoLabelsInput['area']) ?? null })}
          error={showErrors && areaMissing ? t('validation.required') : undefined}
          searchable
          required
        />
      ) : null}
      <Select
        label={t('photos.labels.session')}
        data={[{ value: noSession, label: t('photos.labels.noSession') }, ...sessions]}
        value={value.sessionId ?? noSession}
        allowDeselect={false}
        onChange={(sessionId) => onChange({ ...value, sessionId: sessionId && sessionId !== noSession ? sessionId : null })}
      />
      {withNote ? (
        <Textarea label={t('photos.labels.note')} value={value.note ?? ''} onChange={(event) => onChange({ ...value, note: event.currentTarget.value })} autosize minRows={2} maxLength={1000} />
      ) : null}
    </>
  );
}

/** Whether the labels can be sent (a close-up names its area). */
export function labelsComplete(value: PhotoLabelsInput): boolean {
  return value.view !== 'close-up' || Boolean(value.area);
}
