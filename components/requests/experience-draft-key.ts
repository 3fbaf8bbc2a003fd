/** Where an experience form keeps its local copy (use-draft-storage): per request, per experience or « nouvelle ». */
export const experienceDraftKey = (requestId: string, experienceId?: string) => `d3:experience:${requestId}:${experienceId ?? "nouvelle"}`;
