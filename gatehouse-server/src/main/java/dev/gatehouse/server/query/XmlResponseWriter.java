package dev.gatehouse.server.query;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes query-protocol responses: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>}
 * for results and {@code <ErrorResponse>} for errors, walking the output shape of the model so
 * that members appear with the names, nesting and encodings the SDKs parse (lists as
 * {@code <member>}, maps as {@code <entry><key/><value/>}, blobs base64, timestamps ISO 8601).
 */
public final class XmlResponseWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ServiceModel model;

    public XmlResponseWriter(ServiceModel model) {
        this.model = model;
    }

    /**
     * The response to {@code operation}, its result built from {@code result} (member name to
     * value, as {@link QueryInput} describes the value types).
     *
     * @throws IllegalArgumentException if the result has a member the output shape lacks: a bug
     */
    public String result(ServiceModel.Operation operation, Map<String, ?> result, String requestId) {
        return write(xml -> {
            xml.writeStartElement(operation.name() + "Response");
            xml.writeDefaultNamespace(model.xmlNamespace());
            if (operation.output().isPresent()) {
                xml.writeStartElement(operation.resultWrapper().orElse(operation.name() + "Result"));
                writeMembers(xml, model.shape(operation.output().get()), result);
                xml.writeEndElement();
            }
            xml.writeStartElement("ResponseMetadata");
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** An error response: {@code Sender} for the caller's faults (4xx), {@code Receiver} for ours. */
    public String error(String code, String message, int status, String requestId) {
        return write(xml -> {
            xml.writeStartElement("ErrorResponse");
            xml.writeDefaultNamespace(model.xmlNamespace());
            xml.writeStartElement("Error");
            element(xml, "Type", status >= 500 ? "Receiver" : "Sender");
            element(xml, "Code", code);
            element(xml, "Message", message);
            xml.writeEndElement();
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
        });
    }

    private void writeMembers(XMLStreamWriter xml, Shape structure, Map<String, ?> values) throws XMLStreamException {
        for (String name : values.keySet()) {
            if (!structure.members().containsKey(name)) {
                throw new IllegalArgumentException(structure.name() + " has no member " + name);
            }
        }
        for (Map.Entry<String, Shape.Member> member : structure.members().entrySet()) {
            Object value = values.get(member.getKey());
            if (value != null) {
                xml.writeStartElement(member.getKey());
                writeValue(xml, model.shape(member.getValue().shape()), value);
                xml.writeEndElement();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void writeValue(XMLStreamWriter xml, Shape shape, Object value) throws XMLStreamException {
        switch (shape.type()) {
            case STRUCTURE -> writeMembers(xml, shape, (Map<String, ?>) value);
            case LIST -> {
                Shape element = model.shape(shape.member());
                for (Object item : (List<?>) value) {
                    xml.writeStartElement("member");
                    writeValue(xml, element, item);
                    xml.writeEndElement();
                }
            }
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    xml.writeStartElement("entry");
                    xml.writeStartElement("key");
                    writeValue(xml, model.shape(shape.key()), entry.getKey());
                    xml.writeEndElement();
                    xml.writeStartElement("value");
                    writeValue(xml, model.shape(shape.value()), entry.getValue());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
            }
            case TIMESTAMP -> xml.writeCharacters(((Instant) value).truncatedTo(ChronoUnit.SECONDS).toString());
            case BLOB -> xml.writeCharacters(Base64.getEncoder().encodeToString((byte[]) value));
            default -> xml.writeCharacters(String.valueOf(value));
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(XmlBody body) {
        StringWriter out = new StringWriter(512);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            body.write(xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML to a string", e);
        }
        return out.toString();
    }
}
