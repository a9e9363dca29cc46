// One modal question at a time ("Stop and delete?", "Replace, copy or cancel?"),
// answered through <ConfirmDialog>, so flows can simply `await ask(...)`. Cancel is
// always offered and is what Esc answers.
export interface Question {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
}

export interface Choice<T extends string> {
  id: T;
  label: string;
  /** The default button (Enter); one per question. */
  primary?: boolean;
  danger?: boolean;
}

export interface ChoiceQuestion<T extends string> {
  title: string;
  body: string;
  choices: Choice<T>[];
}

class ConfirmState {
  question = $state<ChoiceQuestion<string> | undefined>(undefined);
  private resolve: ((id: string | undefined) => void) | undefined;

  async ask(q: Question): Promise<boolean> {
    const choice = { id: 'yes', label: q.confirmLabel, primary: true, ...(q.danger ? { danger: true } : {}) };
    return (await this.choose({ title: q.title, body: q.body, choices: [choice] })) === 'yes';
  }

  /** The id of the button pressed, or undefined for Cancel. */
  choose<T extends string>(q: ChoiceQuestion<T>): Promise<T | undefined> {
    this.resolve?.(undefined);
    this.question = q;
    return new Promise((resolve) => {
      this.resolve = resolve as (id: string | undefined) => void;
    });
  }

  answer(id: string | undefined): void {
    this.resolve?.(id);
    this.resolve = undefined;
    this.question = undefined;
  }
}

export const confirmation = new ConfirmState();
