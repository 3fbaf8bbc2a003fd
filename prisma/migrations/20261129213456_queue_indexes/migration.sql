-- CreateIndex
CREATE INDEX "Request_state_forwardedAt_idx" ON "Request"("state", "forwardedAt");

-- CreateIndex
CREATE INDEX "Request_centreCode_lastChangeAt_id_idx" ON "Request"("centreCode", "lastChangeAt", "id");

-- CreateIndex
CREATE INDEX "Request_lastChangeAt_id_idx" ON "Request"("lastChangeAt", "id");

