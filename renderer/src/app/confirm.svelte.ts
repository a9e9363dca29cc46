// One modal question at a time ("Stop and delete?", "Discard unsaved changes?"),
// answered through <ConfirmDialog>, so flows can simply `await ask(...)`.
export interface Question {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
}

class ConfirmState {
  question = $state<Question | undefined>(undefined);
  private resolve: ((yes: boolean) => void) | undefined;

  ask(q: Question): Promise<boolean> {
    this.resolve?.(false);
    this.question = q;
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  answer(yes: boolean): void {
    this.resolve?.(yes);
    this.resolve = undefined;
    this.question = undefined;
  }
}

export const confirmation = new ConfirmState();
