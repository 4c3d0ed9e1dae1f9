import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { skinConcerns, type Client } from '../../../shared/clients/client';
import { CourseInput } from '../../../shared/clinical/session';
import type { BridgeError } from '../../../shared/errors';
import { Dialog } from '../../app/Dialog';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { DateField } from '../../forms/DateField';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { todayIso } from '../client-text';

const CourseValues = z
  .object({
    concern: z.string().min(1),
    otherIndication: z.string().trim().max(120),
    plannedSessions: z.number().int().min(1).max(50),
    intervalWeeks: z.number().int().min(1).max(52),
    startedOn: CourseInput.shape.startedOn,
    notes: z.string().trim().max(2000),
  })
  .refine((values) => values.concern !== 'other' || values.otherIndication !== '', { path: ['otherIndication'], message: 'validation.required' });
type CourseValues = z.infer<typeof CourseValues>;

/** A course from the client's concerns: what it treats, how many sessions, how far apart, from when. */
export function NewCourseDialog({ client, opened, onClose, onCreated }: { client: Client; opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('courses.newTitle')}>
      {opened ? <CourseForm client={client} onCancel={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function CourseForm({ client, onCancel, onCreated }: { client: Client; onCancel: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const ownFirst = [...client.concerns, ...skinConcerns.filter((concern) => !client.concerns.includes(concern))];
  const form = useForm<CourseValues>({
    resolver: useTranslatedResolver(CourseValues),
    defaultValues: { concern: client.concerns[0] ?? '', otherIndication: '', plannedSessions: 6, intervalWeeks: 4, startedOn: todayIso(), notes: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const concern = form.watch('concern');

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('courses.create', {
        clientId: client.id,
        course: {
          indication: values.concern === 'other' ? values.otherIndication : values.concern,
          plannedSessions: values.plannedSessions,
          intervalWeeks: values.intervalWeeks,
          startedOn: values.startedOn,
          notes: values.notes,
        },
      });
      notifySuccess(t('courses.createdTitle'), t('courses.createdMessage', { count: values.plannedSessions }));
      onCreated();
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Controller
          control={form.control}
          name="concern"
          render={({ field }) => (
            <Select
              label={t('courses.indication')}
              description={t('courses.indicationHint')}
              withAsterisk
              data-autofocus
              data={ownFirst.map((value) => ({
                value,
                label: client.concerns.includes(value) ? t('courses.ownConcern', { concern: t(`concerns.${value}`) }) : t(`concerns.${value}`),
              }))}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              allowDeselect={false}
              error={errors.concern?.message}
            />
          )}
        />
        {concern === 'other' ? <TextInput label={t('courses.otherIndication')} withAsterisk error={errors.otherIndication?.message} {...form.register('otherIndication')} /> : null}
        <SimpleGrid cols={3} spacing="lg">
          <Controller
            control={form.control}
            name="plannedSessions"
            render={({ field }) => (
              <NumberInput
                label={t('courses.plannedSessions')}
                min={1}
                max={50}
                allowDecimal={false}
                clampBehavior="none"
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
                onBlur={field.onBlur}
                error={errors.plannedSessions?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="intervalWeeks"
            render={({ field }) => (
              <NumberInput
                label={t('courses.intervalWeeks')}
                min={1}
                max={52}
                allowDecimal={false}
                clampBehavior="none"
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
                onBlur={field.onBlur}
                error={errors.intervalWeeks?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="startedOn"
            render={({ field }) => (
              <DateField label={t('courses.startedOn')} value={field.value} onChange={(value) => field.onChange(value ?? '')} onBlur={field.onBlur} error={errors.startedOn?.message} />
            )}
          />
        </SimpleGrid>
        <Textarea label={t('courses.notes')} autosize minRows={2} maxRows={6} error={errors.notes?.message} {...form.register('notes')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('courses.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
