import { Group, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseView, TreatmentSessionView } from '../../../shared/clinical/records';
import { photoViews, type Photo, type PhotoView } from '../../../shared/photos/photo';
import { indicationText } from '../../clients/courses/indication';
import { useDates } from '../../hooks/useDates';
import { photoAlt, sessionText } from '../photo-text';
import classes from './Timeline.module.css';
import { useThumbnails } from './useThumbnails';

const allCourses = 'all';

/** One view across every session of a course, oldest first: how the skin changed, at a glance. */
export function Timeline({
  photos,
  sessions,
  courses,
  onOpen,
}: {
  photos: readonly Photo[];
  sessions: readonly TreatmentSessionView[];
  courses: readonly CourseView[];
  onOpen: (photo: Photo) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const [view, setView] = useState<PhotoView>(() => photos[0]?.view ?? 'front');
  const [course, setCourse] = useState<string>(allCourses);
  const { urls, want } = useThumbnails();

  const shown = useMemo(() => {
    const courseOf = new Map(sessions.map((session) => [session.id, session.courseId]));
    return photos
      .filter((photo) => photo.view === view && (course === allCourses || (photo.sessionId !== null && courseOf.get(photo.sessionId) === course)))
      .sort((a, b) => (a.sessionPerformedAt ?? a.takenAt).localeCompare(b.sessionPerformedAt ?? b.takenAt) || a.takenAt.localeCompare(b.takenAt));
  }, [photos, sessions, view, course]);

  useEffect(() => {
    // A course has a handful of sessions: the whole strip is fetched at once, a screenful at a time.
    for (let i = 0; i < shown.length; i += 60) want(shown.slice(i, i + 60).map((photo) => photo.id));
  }, [shown, want]);

  return (
    <Stack gap="sm">
      <Group>
        <Select
          label={t('photos.timeline.view')}
          data={photoViews.map((value) => ({ value, label: t(`photos.views.${value}`) }))}
          value={view}
          allowDeselect={false}
          onChange={(value) => value && setView(value as PhotoView)}
          w={220}
        />
        <Select
          label={t('photos.timeline.course')}
          data={[
            { value: allCourses, label: t('photos.timeline.allCourses') },
            ...courses.map((item) => ({ value: item.id, label: `${indicationText(t, item.indication)} · ${dates.day(item.startedOn)}` })),
          ]}
          value={course}
          allowDeselect={false}
          onChange={(value) => value && setCourse(value)}
          w={300}
        />
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">{t('photos.timeline.none')}</Text>
      ) : (
        <ol className={classes.strip} aria-label={t('photos.timeline.label')}>
          {shown.map((photo) => {
            const url = urls.get(photo.id);
            return (
              <li key={photo.id} className={classes.item}>
                <UnstyledButton onClick={() => onOpen(photo)} className={classes.button}>
                  <div className={classes.thumb}>{url ? <img src={url} alt={photoAlt(t, dates, photo)} /> : null}</div>
                  <Text size="sm" fw={600} mt={4}>
                    {sessionText(t, photo)} · {t(`photos.stages.${photo.stage}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {dates.dayOf(photo.takenAt)}
                  </Text>
                </UnstyledButton>
              </li>
            );
          })}
        </ol>
      )}
    </Stack>
  );
}
