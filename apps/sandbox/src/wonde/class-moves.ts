import type { ChangeRecorder } from './changed-ids';
import type { ClassRecord, GroupRecord, PupilRecord } from './school-records';
import type { SeededRandom } from './seeded-random';
import type { WondeSchool } from './wonde-school';

/**
 * Moves a pupil to another class, as a timetable change would: to another set of the same subject and year
 * (secondary), else to another registration group of the year with its form class (primary), else in or
 * out of the year's small intervention class. Bumps every group and class whose membership changed.
 */
export function moveClass(
  school: WondeSchool,
  random: SeededRandom,
  pupil: PupilRecord,
  changed: ChangeRecorder,
): void {
  const { classes, groups } = school.data;
  const now = school.now();
  const touch = (holder: ClassRecord | GroupRecord, kind: 'classes' | 'groups'): void => {
    holder.updatedAt = now;
    changed.add(kind, holder.id);
  };

  for (const classId of random.shuffle([...pupil.classIds])) {
    const from = classes.get(classId);
    const options = from?.subjectId
      ? [...classes.values()].filter(
          (c) => c.subjectId === from.subjectId && c.ncYear === from.ncYear && !c.pupilIds.includes(pupil.id),
        )
      : [];
    if (from && options.length > 0) {
      const to = random.pick(options);
      move(pupil.id, from.pupilIds, to.pupilIds);
      pupil.classIds = pupil.classIds.map((id) => (id === from.id ? to.id : id));
      touch(from, 'classes');
      touch(to, 'classes');
      return;
    }
  }

  const form = groups.get(pupil.registrationGroupId);
  const forms = [...groups.values()].filter(
    (g) => g.type === 'REGISTRATION' && g.ncYear === pupil.ncYear && g.id !== pupil.registrationGroupId,
  );
  if (form && forms.length > 0) {
    const to = random.pick(forms);
    move(pupil.id, form.pupilIds, to.pupilIds);
    pupil.registrationGroupId = to.id;
    pupil.groupIds = pupil.groupIds.map((id) => (id === form.id ? to.id : id));
    touch(form, 'groups');
    touch(to, 'groups');
    const fromClass = [...classes.values()].find(
      (c) => c.name === form.name && c.pupilIds.includes(pupil.id),
    );
    const toClass = [...classes.values()].find((c) => c.name === to.name && c.ncYear === to.ncYear);
    if (fromClass && toClass) {
      move(pupil.id, fromClass.pupilIds, toClass.pupilIds);
      pupil.classIds = pupil.classIds.map((id) => (id === fromClass.id ? toClass.id : id));
      touch(fromClass, 'classes');
      touch(toClass, 'classes');
    }
    return;
  }

  const intervention = [...classes.values()].find((c) => c.subjectId !== null && c.ncYear === pupil.ncYear);
  if (intervention) {
    if (intervention.pupilIds.includes(pupil.id)) {
      intervention.pupilIds = intervention.pupilIds.filter((id) => id !== pupil.id);
      pupil.classIds = pupil.classIds.filter((id) => id !== intervention.id);
    } else {
      intervention.pupilIds.push(pupil.id);
      pupil.classIds.push(intervention.id);
    }
    touch(intervention, 'classes');
  }
}

function move(pupilId: string, from: string[], to: string[]): void {
  const index = from.indexOf(pupilId);
  if (index >= 0) {
    from.splice(index, 1);
  }
  to.push(pupilId);
}
