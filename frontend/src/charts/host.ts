// One chart in one element: created on first use, resized with its element, disposed with the page.
import type { EChartsOption } from 'echarts';

type EchartsModule = typeof import('./echarts');
type Instance = ReturnType<EchartsModule['echarts']['init']>;

let loading: Promise<EchartsModule> | null = null;

export function loadEcharts(): Promise<EchartsModule> {
  loading ??= import('./echarts');
  return loading;
}

/** Animations off under automation, so screenshots and assertions see the final frame. */
export const ANIMATE = typeof navigator === 'undefined' || !navigator.webdriver;

export class ChartHost {
  private chart: Instance | null = null;
  private observer: ResizeObserver | null = null;
  private disposed = false;

  constructor(readonly el: HTMLElement) {}

  async set(option: EChartsOption, label: string): Promise<void> {
    const { echarts } = await loadEcharts();
    if (this.disposed || !this.el.isConnected) return;
    if (!this.chart) {
      this.chart = echarts.init(this.el, null, { renderer: 'canvas' });
      this.observer = new ResizeObserver(() => this.chart?.resize());
      this.observer.observe(this.el);
    }
    this.chart.setOption(option, { notMerge: true, lazyUpdate: false });
    this.el.setAttribute('aria-label', label);
    this.el.dataset.rendered = 'true';
  }

  dispose(): void {
    this.disposed = true;
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }
}
