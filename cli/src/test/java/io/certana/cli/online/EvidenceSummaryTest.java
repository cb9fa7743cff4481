package io.certana.cli.online;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EvidenceSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode answer(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void exactMatchListsEveryCheck() throws Exception {
        JsonNode answer = answer("{'verdict':'authentic','matchedAsset':{'id':'x'},'evidence':{"
                + "'contentHashMatch':true,"
                + "'watermark':{'detected':true,'tracks':{'a':{'detected':true,'confidence':0.991},"
                + "'b':{'detected':true,'confidence':0.97},'c':{'detected':false,'confidence':0.1}}},"
                + "'fingerprint':{'matchFound':true,'pdqDistance':0},"
                + "'commitment':{'signatureValid':true},'tamper':{'detected':false}}}");

        assertEquals("hash match, watermark A 0.99 B 0.97, PDQ 0", EvidenceSummary.of(answer));
    }

    @Test
    void localEditCountsRegions() throws Exception {
        JsonNode answer = answer("{'verdict':'forged','matchedAsset':{'id':'x'},'evidence':{"
                + "'contentHashMatch':false,"
                + "'watermark':{'detected':true,'tracks':{'b':{'detected':true,'confidence':0.88}}},"
                + "'fingerprint':{'matchFound':true,'pdqDistance':4},"
                + "'commitment':{'signatureValid':true},"
                + "'tamper':{'detected':true,'regions':[{'x':1},{'x':2}]}}}");

        assertEquals("watermark B 0.88, PDQ 4, tamper 2 regions", EvidenceSummary.of(answer));
    }

    @Test
    void invalidSignatureIsNamed() throws Exception {
        JsonNode answer = answer("{'verdict':'forged','matchedAsset':{'id':'x'},'evidence':{"
                + "'contentHashMatch':true,'fingerprint':{'matchFound':true,'similarity':0.934},"
                + "'commitment':{'signatureValid':false},'tamper':{'detected':true,'regions':[{'x':1}]}}}");

        assertEquals("hash match, similarity 0.93, tamper 1 region, signature invalid", EvidenceSummary.of(answer));
    }

    @Test
    void nothingFoundIsNoMatch() throws Exception {
        JsonNode answer = answer("{'verdict':'unknown','evidence':{'contentHashMatch':false,"
                + "'watermark':{'detected':false,'tracks':{'a':{'detected':false},'b':{'detected':false}}},"
                + "'fingerprint':{'matchFound':false,'pdqDistance':97},"
                + "'commitment':{'signatureValid':false},'tamper':{'detected':false}}}");

        assertEquals("no match", EvidenceSummary.of(answer));
    }
}
