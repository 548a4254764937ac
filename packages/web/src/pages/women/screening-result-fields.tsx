import { Col, Form, Radio, Row, Select } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import {
  BIRADS,
  BREAST_FINDINGS,
  BREAST_RISK,
  HPV_TYPES,
  TBS,
  VIA_VILI,
  lab,
  options,
  type LabelMap,
} from './women-labels';

/** Form values of the first-line results. */
export interface ResultValues {
  hpvResult?: 'pending' | 'negative' | 'positive';
  hpvTypes?: string[];
  cytology?: string;
  viaVili?: string;
  clinicalFindings?: string[];
  highRiskFactors?: string[];
  ultrasoundBirads?: string;
  mammographyBirads?: string;
}

/** The API body of the result values (HPV: null when not reported, [] when negative). */
export function resultBody(v: ResultValues, kind: 'cervical' | 'breast'): Record<string, unknown> {
  if (kind === 'cervical') {
    return {
      hpvTypes: v.hpvResult === 'negative' ? [] : v.hpvResult === 'positive' ? (v.hpvTypes ?? []) : undefined,
      cytology: v.cytology || undefined,
      viaVili: v.viaVili || undefined,
    };
  }
  return {
    clinicalFindings: v.clinicalFindings ?? [],
    highRiskFactors: v.highRiskFactors ?? [],
    ultrasoundBirads: v.ultrasoundBirads || undefined,
    mammographyBirads: v.mammographyBirads || undefined,
  };
}

function CodeSelect(props: { map: LabelMap; testId: string; value?: string; onChange?: (v: string) => void }) {
  const { lang } = useI18n();
  return (
    <Select
      allowClear
      data-testid={props.testId}
      value={props.value}
      onChange={props.onChange}
      options={options(props.map, lang)}
      optionLabelProp="label"
    />
  );
}

/** The result fields of a first-line screening by kind and method. */
export function ScreeningResultFields(props: { kind: 'cervical' | 'breast'; method: string | undefined }) {
  const { lang, pick } = useI18n();
  const hpvResult = Form.useWatch<string | undefined>('hpvResult');
  if (props.kind === 'cervical') {
    const hpv = props.method === 'hpv' || props.method === 'co_test';
    return (
      <Row gutter={16}>
        {hpv && (
          <Col xs={24} md={8}>
            <Form.Item name="hpvResult" label={pick('HPV检测结果', 'HPV result')} initialValue="pending">
              <Radio.Group data-testid="hpv-result">
                <Radio value="pending">{pick('未出结果', 'Pending')}</Radio>
                <Radio value="negative">{pick('阴性', 'Negative')}</Radio>
                <Radio value="positive">{pick('阳性', 'Positive')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
        )}
        {hpv && hpvResult === 'positive' && (
          <Col xs={24} md={8}>
            <Form.Item
              name="hpvTypes"
              label={pick('阳性型别', 'Positive types')}
              rules={[{ required: true, message: pick('请选择阳性的HPV型别', 'Choose the positive types') }]}
            >
              <Select
                mode="tags"
                data-testid="hpv-types"
                options={HPV_TYPES.map((t) => ({ value: t, label: `HPV${t}` }))}
              />
            </Form.Item>
          </Col>
        )}
        {props.method !== 'via_vili' && (
          <Col xs={24} md={8}>
            <Form.Item name="cytology" label={pick('宫颈细胞学（TBS）', 'Cytology (TBS)')}>
              <Select
                allowClear
                data-testid="cytology"
                options={Object.keys(TBS).map((k) => ({ value: k, label: `${k} ${lab(TBS, k, lang)}` }))}
              />
            </Form.Item>
          </Col>
        )}
        {props.method === 'via_vili' && (
          <Col xs={24} md={8}>
            <Form.Item name="viaVili" label="VIA/VILI">
              <CodeSelect map={VIA_VILI} testId="via-vili" />
            </Form.Item>
          </Col>
        )}
      </Row>
    );
  }
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="clinicalFindings" label={pick('临床乳腺检查所见', 'Clinical breast exam')}>
          <Select mode="multiple" allowClear data-testid="clinical-findings" options={options(BREAST_FINDINGS, lang)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="highRiskFactors" label={pick('乳腺癌高危因素', 'High-risk factors')}>
          <Select mode="multiple" allowClear data-testid="high-risk" options={options(BREAST_RISK, lang)} />
        </Form.Item>
      </Col>
      {props.method !== 'mammography' && (
        <Col xs={24} md={12}>
          <Form.Item name="ultrasoundBirads" label={pick('乳腺超声 BI-RADS', 'Ultrasound BI-RADS')}>
            <CodeSelect map={BIRADS} testId="ultrasound-birads" />
          </Form.Item>
        </Col>
      )}
      {props.method === 'mammography' && (
        <Col xs={24} md={12}>
          <Form.Item name="mammographyBirads" label={pick('乳腺X线 BI-RADS', 'Mammography BI-RADS')}>
            <CodeSelect map={BIRADS} testId="mammography-birads" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
