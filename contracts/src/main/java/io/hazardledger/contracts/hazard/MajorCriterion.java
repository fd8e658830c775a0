package io.hazardledger.contracts.hazard;

/**
 * The rule that makes a hazard MAJOR (重大事故隐患判定标准): the document and the clause, e.g.
 * ({@code 应急管理部令第10号}, {@code 第四条第（三）项}) for industry and trade, ({@code 安监总管三〔2017〕121号},
 * {@code 第5项}) for chemicals.
 */
public record MajorCriterion(String document, String clause) {
}
