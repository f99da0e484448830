import { defineAsyncComponent } from 'vue';
import UiLoading from '../../../ui/ui-loading.vue';

/** The bar chart, with chart.js in its own chunk (loaded when a report first shows one). */
export const AsyncBarChart = defineAsyncComponent({
  loader: () => import('./bar-chart.vue'),
  loadingComponent: UiLoading,
});
