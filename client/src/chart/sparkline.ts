/**
 * The total-activity sparkline drawn behind the time slider: the part before the slider time is lit, the
 * future is faint. Plain canvas (120 points do not need a charting library), redrawn on every frame.
 */
export interface Sparkline {
  setData(values: ArrayLike<number>): void;
  setPosition(position: number): void;
  resize(): void;
}

export function createSparkline(canvas: HTMLCanvasElement): Sparkline {
  let values: number[] = [];
  let position = 0;
  const context = canvas.getContext('2d')!;

  function draw(): void {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    if (values.length < 2 || width === 0) return;
    const max = Math.max(...values) || 1;
    const step = width / (values.length - 1);
    const y = (v: number) => height - 2 - (v / max) * (height - 6);
    const path = new Path2D();
    path.moveTo(0, height);
    values.forEach((v, k) => path.lineTo(k * step, y(v)));
    path.lineTo(width, height);
    path.closePath();
    const cut = Math.max(0, Math.min(width, position * step));
    context.save();
    context.fillStyle = 'rgba(138,180,255,0.10)';
    context.fill(path);
    context.beginPath();
    context.rect(0, 0, cut, height);
    context.clip();
    const gradient = context.createLinearGradient(0, 0, 0, height);
    gradient.addColorStop(0, 'rgba(138,180,255,0.55)');
    gradient.addColorStop(1, 'rgba(138,180,255,0.10)');
    context.fillStyle = gradient;
    context.fill(path);
    context.restore();
    const line = new Path2D();
    values.forEach((v, k) => (k === 0 ? line.moveTo(0, y(v)) : line.lineTo(k * step, y(v))));
    context.strokeStyle = 'rgba(138,180,255,0.45)';
    context.lineWidth = 1;
    context.stroke(line);
  }

  return {
    setData(v) {
      values = Array.from(v);
      draw();
    },
    setPosition(p) {
      position = p;
      draw();
    },
    resize: draw,
  };
}
