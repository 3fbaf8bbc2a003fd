import type { RequestDetail } from "@/lib/requests/queries";
import type { ThreadMessage } from "./MessageThread";
import { formatDateTime } from "@/lib/shared/dates";
import { downloadLabel } from "@/lib/shared/files";

type Message = RequestDetail["messages"][number];

/**
 * One thread for a diploma request and its joint analysis (the learner follows both on one page),
 * oldest first, dates formatted here on the server so that the page hydrates with the same text.
 */
export function toThreadMessages(requests: readonly (Pick<RequestDetail, "messages"> | null)[], author: (message: Message) => string): ThreadMessage[] {
  return requests
    .flatMap((request) => request?.messages ?? [])
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((m) => ({
      id: m.id,
      author: author(m),
      body: m.body,
      at: formatDateTime(m.createdAt),
      attachment: m.attachment ? { id: m.attachment.id, label: downloadLabel(m.attachment.originalName, { size: m.attachment.size }) } : null,
    }));
}
