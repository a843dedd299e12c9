/**
 * Where a coach mark goes: beside the control it explains, inside the window, never over the
 * control. It tries below, above, right and left of the control, in that order; where none
 * fits, it takes the place that covers least of the control. Pure geometry, tested without a
 * browser.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left';

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** How much of the control the mark covers, in square pixels (0 when it fits beside it). */
  overlap: number;
  /** Where the mark's pointer sits along the edge that faces the control, in pixels from its start. */
  pointer: number;
}

const SIDES: Side[] = ['below', 'above', 'right', 'left'];

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The part of `box` inside `frame` (empty, at the nearest edge, when they do not meet). */
export function intersect(box: Box, frame: Box): Box {
  const left = clamp(box.left, frame.left, frame.left + frame.width);
  const top = clamp(box.top, frame.top, frame.top + frame.height);
  const right = clamp(box.left + box.width, frame.left, frame.left + frame.width);
  const bottom = clamp(box.top + box.height, frame.top, frame.top + frame.height);
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The mark's place for a control whose visible part is `target` (in window coordinates), with
 * `gap` between them and `margin` kept from the window's edges.
 */
export function placeMark(
  target: Box,
  mark: { width: number; height: number },
  view: { width: number; height: number },
  gap = 12,
  margin = 8,
): Placement {
  const shown = intersect(target, { left: 0, top: 0, ...view });
  const right = view.width - margin - mark.width;
  const bottom = view.height - margin - mark.height;
  const candidates = SIDES.map((side) => {
    const vertical = side === 'below' || side === 'above';
    const left = vertical
      ? clamp(shown.left + shown.width / 2 - mark.width / 2, margin, right)
      : side === 'right'
        ? shown.left + shown.width + gap
        : shown.left - gap - mark.width;
    const top = vertical
      ? side === 'below'
        ? shown.top + shown.height + gap
        : shown.top - gap - mark.height
      : clamp(shown.top, margin, bottom);
    const fits = left >= margin && left <= right && top >= margin && top <= bottom;
    // A place that does not fit is pulled inside the window; what it then covers decides.
    const inside = { left: clamp(left, margin, right), top: clamp(top, margin, bottom), width: mark.width, height: mark.height };
    const centre = vertical ? shown.left + shown.width / 2 - inside.left : shown.top + shown.height / 2 - inside.top;
    const length = vertical ? mark.width : mark.height;
    return {
      left: inside.left,
      top: inside.top,
      side,
      overlap: fits ? 0 : overlapArea(inside, shown),
      pointer: clamp(centre, 16, length - 16),
    };
  });
  return (
    candidates.find((candidate) => candidate.overlap === 0) ??
    candidates.reduce((best, next) => (next.overlap < best.overlap ? next : best))
  );
}
