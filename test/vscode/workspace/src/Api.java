import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class Api {
  ResponseEntity<Void> secret() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
  }
}
