/**
 * First-in-first-out line with O(1) amortised take and O(n) removal from the middle (rare: an abort).
 * Array#shift is O(n) per call and a Set's first entry slows down as deleted entries pile up ahead of
 * it, which made adding thousands of actions at once quadratic.
 */
export class WaitingLine<T> {
  #slots: Array<T | undefined> = [];
  #head = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    this.#slots.push(item);
    this.#size += 1;
  }

  /** Puts `item` back at the head of the line (an item that was about to start but was held back). */
  unshift(item: T): void {
    if (this.#head > 0) {
      this.#head -= 1;
      this.#slots[this.#head] = item;
    } else {
      this.#slots.unshift(item);
    }
    this.#size += 1;
  }

  /** Takes the oldest item, or undefined when the line is empty. */
  take(): T | undefined {
    while (this.#head < this.#slots.length) {
      const item = this.#slots[this.#head];
      this.#slots[this.#head] = undefined;
      this.#head += 1;
      if (item !== undefined) {
        this.#size -= 1;
        this.#compact();
        return item;
      }
    }
    return undefined;
  }

  /** Removes `item` if it is still waiting; says whether it was. */
  remove(item: T): boolean {
    const index = this.#slots.indexOf(item, this.#head);
    if (index === -1) return false;
    this.#slots[index] = undefined;
    this.#size -= 1;
    return true;
  }

  /** Empties the line and returns what was in it, oldest first. */
  drain(): T[] {
    const items = this.#slots.slice(this.#head).filter((item): item is T => item !== undefined);
    this.#slots = [];
    this.#head = 0;
    this.#size = 0;
    return items;
  }

  #compact(): void {
    if (this.#size === 0) {
      this.#slots = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#slots.length) {
      this.#slots = this.#slots.slice(this.#head);
      this.#head = 0;
    }
  }
}
