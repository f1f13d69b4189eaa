import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, type CardControllerHost, pointerPerFrame } from '@/lib/page/card-controller';

type Mention = { id: string };
const aoun: Mention = { id: 'aoun' };
const salam: Mention = { id: 'salam' };

/** A host whose hit test reads a map of x positions, with Vitest's fake timers. */
function setup() {
  const under = new Map<number, Mention>([
    [10, aoun],
    [20, salam],
  ]);
  const host: CardControllerHost<Mention> & { opened: [string, boolean][]; closed: number } = {
    opened: [],
    closed: 0,
    hitTest: (x) => under.get(x),
    open: (mention, pinned) => host.opened.push([mention.id, pinned]),
    close: () => {
      host.closed++;
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
  };
  const controller = new CardController(host, { restMs: 350, leaveGraceMs: 400 });
  const at = (x: number, isTrusted = true) => controller.pointerAt({ clientX: x, clientY: 0, isTrusted });
  return { host, controller, at };
}

describe('CardController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('opens after the pointer rests on a mention, not before', () => {
    const { host, at } = setup();
    at(10);
    vi.advanceTimersByTime(300);
    expect(host.opened).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(host.opened).toEqual([['aoun', false]]);
  });

  it('ignores untrusted pointer and key input entirely', () => {
    const { host, controller, at } = setup();
    at(10, false);
    vi.advanceTimersByTime(1000);
    expect(host.opened).toEqual([]);
    at(10);
    vi.advanceTimersByTime(400);
    expect(controller.keyDown({ key: 'Escape', isTrusted: false })).toBe(false);
    at(0, false);
    controller.pointerOnCard(false, { isTrusted: false });
    vi.advanceTimersByTime(1000);
    expect(host.closed).toBe(0);
    expect(controller.openMention).toBe(aoun);
  });

  it('stays open while the pointer is on the card, closes after the grace period once it leaves both', () => {
    const { host, controller, at } = setup();
    at(10);
    vi.advanceTimersByTime(400);
    at(0);
    controller.pointerOnCard(true, { isTrusted: true });
    vi.advanceTimersByTime(2000);
    expect(host.closed).toBe(0);
    controller.pointerOnCard(false, { isTrusted: true });
    vi.advanceTimersByTime(399);
    expect(host.closed).toBe(0);
    vi.advanceTimersByTime(2);
    expect(host.closed).toBe(1);
    expect(controller.openMention).toBeUndefined();
  });

  it('Escape dismisses it, and it stays closed until the pointer moves to another mention', () => {
    const { host, controller, at } = setup();
    at(10);
    vi.advanceTimersByTime(400);
    expect(controller.keyDown({ key: 'Escape', isTrusted: true })).toBe(true);
    expect(host.closed).toBe(1);
    at(10);
    vi.advanceTimersByTime(1000);
    expect(host.opened).toHaveLength(1);
    at(20);
    vi.advanceTimersByTime(400);
    expect(host.opened.at(-1)).toEqual(['salam', false]);
  });

  it('a pinned card (keyboard) ignores the pointer leaving', () => {
    const { host, controller, at } = setup();
    controller.show(salam, true);
    expect(host.opened).toEqual([['salam', true]]);
    at(0);
    vi.advanceTimersByTime(5000);
    expect(host.closed).toBe(0);
    expect(controller.isPinned).toBe(true);
  });

  it('a trusted press outside closes any card, pinned too; an untrusted one does nothing', () => {
    const { host, controller, at } = setup();
    controller.show(salam, true);
    controller.pressOutside({ isTrusted: false });
    expect(host.closed).toBe(0);
    controller.pressOutside({ isTrusted: true });
    expect(host.closed).toBe(1);
    expect(controller.openMention).toBeUndefined();
    // Like Escape: the same mention does not reopen until the pointer moves to another one.
    at(20);
    vi.advanceTimersByTime(1000);
    expect(host.opened).toEqual([['salam', true]]);
    controller.pressOutside({ isTrusted: true });
    expect(host.closed).toBe(1);
  });
});

describe('pointerPerFrame', () => {
  it('hit-tests once a frame, at the last trusted position, and never for untrusted moves', () => {
    vi.useFakeTimers();
    const { host, controller } = setup();
    const hits: number[] = [];
    const hitTest = host.hitTest;
    host.hitTest = (x, y) => {
      hits.push(x);
      return hitTest(x, y);
    };
    const frames: (() => void)[] = [];
    const onMove = pointerPerFrame(controller, (callback) => frames.push(callback));
    onMove({ clientX: 20, clientY: 0, isTrusted: true });
    onMove({ clientX: 0, clientY: 0, isTrusted: true });
    onMove({ clientX: 10, clientY: 0, isTrusted: true });
    onMove({ clientX: 20, clientY: 0, isTrusted: false });
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(hits).toEqual([10]);
    vi.advanceTimersByTime(400);
    expect(host.opened).toEqual([['aoun', false]]);
    onMove({ clientX: 20, clientY: 0, isTrusted: false });
    expect(frames).toHaveLength(0);
  });
});
