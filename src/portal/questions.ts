// 法律咨询: a citizen asks a legal question online; an on-duty specialist (专科医生) answers it once, and the
// citizen is told. Asking and answering are audited, and so is the specialists' reading of the queue.
import { asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.js";
import { recordAudit } from "../audit/record.js";
import type { CategoryCode } from "../cases/categories.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { notifyAccounts } from "../notifications/notify.js";
import type { Ctx } from "../server/context.js";
import { legalQuestions } from "./schema.js";
import type { LegalQuestionView } from "./views.js";

export type QuestionStatus = "open" | "answered";

export async function askQuestion(ctx: Ctx, accountId: number, input: { question: string; category?: CategoryCode }): Promise<number> {
  const [row] = await ctx.tx
    .insert(legalQuestions)
    .values({ askedBy: accountId, question: input.question, category: input.category ?? null, askedAt: ctx.now })
    .returning({ id: legalQuestions.id });
  await recordAudit(ctx, { action: "legal_question.ask", subjectType: "legal_question", subjectId: row.id, newValues: { category: input.category ?? null } });
  return row.id;
}

export async function answerQuestion(ctx: Ctx, accountId: number, id: number, answer: string): Promise<void> {
  const [q] = await ctx.tx.select().from(legalQuestions).where(eq(legalQuestions.id, id)).for("update");
  if (!q) throw new AppError("NOT_FOUND");
  if (q.answeredAt) throw new AppError("CONFLICT", "该问题已有答复");
  await ctx.tx.update(legalQuestions).set({ answer, answeredBy: accountId, answeredAt: ctx.now }).where(eq(legalQuestions.id, id));
  await recordAudit(ctx, { action: "legal_question.answer", subjectType: "legal_question", subjectId: id, newValues: { answer } });
  await notifyAccounts(ctx, [q.askedBy], { kind: "legal_question_answered", title: "您的法律咨询已有答复", body: q.question.slice(0, 60) });
}

const answerer = alias(accounts, "answerer");

function select(db: DbOrTx) {
  return db
    .select({
      id: legalQuestions.id,
      category: legalQuestions.category,
      question: legalQuestions.question,
      askedAt: legalQuestions.askedAt,
      answer: legalQuestions.answer,
      answeredByName: answerer.displayName,
      answeredAt: legalQuestions.answeredAt,
    })
    .from(legalQuestions)
    .leftJoin(answerer, eq(answerer.id, legalQuestions.answeredBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];

function present(r: Row): LegalQuestionView {
  return {
    id: r.id,
    category: r.category as CategoryCode | null,
    question: r.question,
    askedAt: r.askedAt.toISOString(),
    answer: r.answer,
    answeredByName: r.answeredByName,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

/** A citizen's own questions, newest first. */
export async function listOwnQuestions(db: DbOrTx, accountId: number): Promise<LegalQuestionView[]> {
  const rows = await select(db).where(eq(legalQuestions.askedBy, accountId)).orderBy(desc(legalQuestions.askedAt), desc(legalQuestions.id)).limit(100);
  return rows.map(present);
}

/** The specialists' queue: open questions oldest first (the longest waiting on top), answered ones newest first. */
export async function listQuestions(ctx: Ctx, status: QuestionStatus, limit = 100): Promise<LegalQuestionView[]> {
  const rows =
    status === "open"
      ? await select(ctx.tx).where(isNull(legalQuestions.answeredAt)).orderBy(asc(legalQuestions.askedAt), asc(legalQuestions.id)).limit(limit)
      : await select(ctx.tx).where(isNotNull(legalQuestions.answeredAt)).orderBy(desc(legalQuestions.answeredAt), desc(legalQuestions.id)).limit(limit);
  await recordAudit(ctx, { action: "legal_question.read", subjectType: "legal_question", newValues: { status, count: rows.length } });
  return rows.map(present);
}

export async function loadQuestion(db: DbOrTx, id: number): Promise<LegalQuestionView> {
  const [row] = await select(db).where(eq(legalQuestions.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return present(row);
}
