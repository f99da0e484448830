import { computed, onMounted, watch } from 'vue';
import { useRoute } from 'vue-router';
import { useCurrentSchoolStore } from '../../../stores/current-school';

/**
 * Keeps the current school and the URL in step: `/schools/:schoolId/...` selects that school;
 * a school the person cannot work in is reported, not silently swapped.
 */
export function useSchoolFromRoute() {
  const route = useRoute();
  const schools = useCurrentSchoolStore();

  const routeSchoolId = computed(() =>
    typeof route.params.schoolId === 'string' ? route.params.schoolId : null,
  );
  const unknownSchool = computed(
    () => schools.loaded && routeSchoolId.value !== null && !schools.has(routeSchoolId.value),
  );

  watch(
    [routeSchoolId, () => schools.loaded],
    ([id, loaded]) => {
      if (id && loaded && schools.has(id)) {
        schools.select(id);
      }
    },
    { immediate: true },
  );

  onMounted(() => {
    if (!schools.loaded) {
      void schools.load();
    }
  });

  return {
    data: computed(() => schools.current),
    loading: computed(() => !schools.loaded && !schools.error),
    error: computed(() => schools.error),
    unknownSchool,
    reload: schools.load,
  };
}
